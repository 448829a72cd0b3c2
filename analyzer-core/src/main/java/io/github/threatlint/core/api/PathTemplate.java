package io.github.threatlint.core.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A path template ({@code /accounts/{accountId}/transactions}) read into its segments once, for
 * every rule that asks about them: an operation's ({@link Operation#pathTemplate()}) or any path
 * string ({@link #of}).
 *
 * <p>The segments are those between slashes as written, the way {@code String.split("/")} reads
 * them, which is how the rules read paths before this type existed: a leading slash gives an empty
 * first segment, {@code //} an empty segment between, and trailing slashes give none ({@code
 * /accounts/} is {@code "", "accounts"}; the root {@code /} has no segment at all; a path without a
 * leading slash starts with its first word). Nothing is decoded: {@code %7B} is three characters of
 * a fixed segment.
 *
 * <p>Three readings of a segment's template expressions, each kept where a rule needs it: a segment
 * that {@linkplain #startsWithParameter starts with} one is a parameter's ({@code {id}}, {@code
 * {name}.json}), so that its other segments are the fixed ones ({@link #fixedSegments}); a literal
 * segment {@linkplain #hasParameter has none} at all ({@link #lastLiteralSegment}); and {@link
 * #isOneParameter} asks for exactly one, the whole segment ({@code {id}}).
 */
public final class PathTemplate {
  private final String text;
  private final List<String> segments;
  private final List<String> fixedSegments;

  private PathTemplate(String text) {
    this.text = text;
    this.segments = List.of(text.split("/"));
    List<String> fixed = new ArrayList<>(segments.size());
    for (String segment : segments) {
      if (!segment.isEmpty() && !startsWithParameter(segment)) {
        fixed.add(segment);
      }
    }
    this.fixedSegments = List.copyOf(fixed);
  }

  /** The template of a path string (a path key, a base path, the path of a URL). */
  public static PathTemplate of(String path) {
    return new PathTemplate(path);
  }

  /** The path as written. */
  public String text() {
    return text;
  }

  /**
   * Every segment in order, empty ones included: the leading one of a path that starts with a slash
   * and those of {@code //}; none for trailing slashes.
   */
  public List<String> segments() {
    return segments;
  }

  /**
   * The path of the first {@code count} segments, rejoined without a trailing slash: {@code
   * /consents} for one segment of {@code /consents/} and for two of {@code /consents/{id}}.
   */
  public String prefix(int count) {
    return String.join("/", segments.subList(0, count));
  }

  /** The last segment, or "" when there is none (the root path {@code /}). */
  public String lastSegment() {
    return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
  }

  /**
   * The segments that are neither empty nor a parameter's ({@link #startsWithParameter}), in order:
   * {@code accounts}, {@code transactions} of {@code /accounts/{accountId}/transactions}.
   */
  public List<String> fixedSegments() {
    return fixedSegments;
  }

  /** The last of the {@link #fixedSegments}, or "" when there is none. */
  public String lastFixedSegment() {
    return fixedSegments.isEmpty() ? "" : fixedSegments.get(fixedSegments.size() - 1);
  }

  /**
   * The last segment that is not empty and has no template expression anywhere ({@link
   * #hasParameter}), or "" when there is none: {@code v1} for {@code /v1/payments.{format}}, where
   * {@link #lastFixedSegment} is {@code payments.{format}}.
   */
  public String lastLiteralSegment() {
    for (int i = segments.size() - 1; i >= 0; i--) {
      String segment = segments.get(i);
      if (!segment.isEmpty() && !hasParameter(segment)) {
        return segment;
      }
    }
    return "";
  }

  /** Whether the segment starts with a template expression: {@code {id}}, {@code {name}.json}. */
  public static boolean startsWithParameter(String segment) {
    return segment.startsWith("{");
  }

  /**
   * Whether the segment has a template expression anywhere: {@code {id}}, {@code
   * payments.{format}}.
   */
  public static boolean hasParameter(String segment) {
    return segment.indexOf('{') >= 0;
  }

  /**
   * Whether the segment is one template expression and nothing else: {@code {id}}, not {@code
   * {name}.json}, {@code {}} or {@code {a}{b}}.
   */
  public static boolean isOneParameter(String segment) {
    int last = segment.length() - 1;
    return last >= 2
        && segment.charAt(0) == '{'
        && segment.charAt(last) == '}'
        && segment.indexOf('{', 1) < 0
        && segment.indexOf('}') == last;
  }

  @Override
  public String toString() {
    return text;
  }
}
