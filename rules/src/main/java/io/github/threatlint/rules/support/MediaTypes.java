package io.github.threatlint.rules.support;

import java.util.Locale;

/**
 * Kinds of media types, read from their names ({@code application/vnd.api+json; charset=utf-8} is
 * JSON).
 */
public final class MediaTypes {
  private MediaTypes() {}

  /** The type and subtype in lower case, without parameters. */
  public static String essence(String mediaType) {
    String value = mediaType == null ? "" : mediaType;
    int semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  public static boolean isJson(String mediaType) {
    String essence = essence(mediaType);
    return essence.equals("application/json")
        || essence.endsWith("+json")
        || essence.endsWith("/json")
        || essence.equals("application/x-ndjson")
        || essence.equals("application/jsonl");
  }

  public static boolean isXml(String mediaType) {
    String essence = essence(mediaType);
    return essence.endsWith("/xml") || essence.endsWith("+xml");
  }

  public static boolean isForm(String mediaType) {
    return essence(mediaType).equals("application/x-www-form-urlencoded");
  }

  public static boolean isMultipart(String mediaType) {
    return essence(mediaType).startsWith("multipart/");
  }

  /** A wildcard that names no concrete type: {@code *}{@code /*} or {@code application/*}. */
  public static boolean isWildcard(String mediaType) {
    String essence = essence(mediaType);
    return essence.equals("*/*") || essence.equals("*") || essence.equals("application/*");
  }

  /**
   * Structured data a schema describes field by field: JSON, XML, forms, multipart and wildcards
   * (which let structured data in too).
   */
  public static boolean isStructured(String mediaType) {
    String essence = essence(mediaType);
    return isJson(essence)
        || isXml(essence)
        || isForm(essence)
        || isMultipart(essence)
        || essence.contains("*")
        || essence.equals("application/yaml")
        || essence.equals("application/x-yaml");
  }

  /**
   * A signed token as the whole content: a JWT or JWS (application/jwt, application/jose,
   * application/secevent+jwt of RFC 8417 security events), which the receiver verifies.
   */
  public static boolean isSignedToken(String mediaType) {
    String essence = essence(mediaType);
    return essence.equals("application/jwt")
        || essence.endsWith("+jwt")
        || essence.equals("application/jose")
        || essence.equals("application/jws");
  }

  /** Opaque content: octet streams, images, audio, video, documents and archives. */
  public static boolean isBinary(String mediaType) {
    String essence = essence(mediaType);
    return essence.equals("application/octet-stream")
        || essence.startsWith("image/")
        || essence.startsWith("audio/")
        || essence.startsWith("video/")
        || essence.equals("application/pdf")
        || essence.equals("application/zip")
        || essence.equals("application/gzip")
        || essence.equals("application/x-tar");
  }
}
