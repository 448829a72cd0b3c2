package io.github.threatlint.core.api;

/** A key that appears twice in one object: the pointer of the member and both places. */
public record DuplicateKey(String pointer, Region first, Region second) {}
