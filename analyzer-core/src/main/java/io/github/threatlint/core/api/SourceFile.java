package io.github.threatlint.core.api;

import java.nio.file.Path;

/**
 * The text of one input file, read once. {@code path} is where it was read from (null for standard
 * input); {@code displayPath} is how reports name it (relative to the working directory where
 * possible).
 */
public record SourceFile(Path path, String displayPath, String text) {}
