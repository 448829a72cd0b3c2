package io.github.threatlint.core.api;

/** The kinds of structural objects the walk visits. */
public enum NodeKind {
  DOCUMENT,
  INFO,
  CONTACT,
  LICENSE,
  TAG,
  EXTERNAL_DOCS,
  SERVER,
  PATH_ITEM,
  OPERATION,
  PARAMETER,
  REQUEST_BODY,
  MEDIA_TYPE,
  RESPONSE,
  HEADER,
  SCHEMA,
  SECURITY_SCHEME,
  EXAMPLE,
  LINK,
  CALLBACK
}
