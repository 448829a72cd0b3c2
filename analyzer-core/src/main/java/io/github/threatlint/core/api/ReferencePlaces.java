package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The {@code $ref} strings of a file as its JSON parse met them, so that {@link ReferenceUsers}
 * reads those written inside an operation or a target instead of walking its every container: 26 ->
 * 15 ms of CPU in working out the users, per cold run of Stripe's JSON, for about 1 ms more in the
 * parse. Containers as they open and references as they are read take the next number, so a
 * container near the root (an operation, a component) holds the references numbered between its
 * opening and its closing. Only for a tree as its parse built it: a tree derived after an edit, or
 * parsed from YAML, has none, and its references are walked.
 */
public final class ReferencePlaces {
  /**
   * Deepest container whose numbers are kept: operations ({@code /paths/{path}/get}) and components
   * ({@code /components/schemas/Name}) are three levels down; a deeper target is walked.
   */
  public static final int KEPT_DEPTH = 3;

  private final int[] numbers;
  private final String[] refs;
  private final IdentityHashMap<JsonNode, int[]> spans;

  private ReferencePlaces(int[] numbers, String[] refs, IdentityHashMap<JsonNode, int[]> spans) {
    this.numbers = numbers;
    this.refs = refs;
    this.spans = spans;
  }

  /**
   * The {@code $ref} strings written inside {@code container} (itself included), in document order;
   * null when this container was not numbered (too deep, or not of this parse).
   */
  public List<String> within(JsonNode container) {
    int[] span = spans.get(container);
    if (span == null) {
      return null;
    }
    // the container's own number is no reference's
    int first = -Arrays.binarySearch(numbers, span[0]) - 1;
    int last = first;
    while (last < numbers.length && numbers[last] < span[1]) {
      last++;
    }
    return Arrays.asList(refs).subList(first, last);
  }

  /** Filled by a parse as it goes; {@link #build} gives null when a {@code $ref} key repeats. */
  public static final class Builder {
    private int next;
    private int[] numbers = new int[256];
    private String[] refs = new String[256];
    private int count;
    private boolean repeated;
    private final IdentityHashMap<JsonNode, int[]> spans = new IdentityHashMap<>();

    /** Numbers a container as it opens; returns its number. */
    public int open() {
      return next++;
    }

    /** Keeps the numbers inside a container opened as {@code number}, now closed. */
    public void closed(JsonNode container, int number, int depth) {
      if (depth <= KEPT_DEPTH) {
        spans.put(container, new int[] {number, next});
      }
    }

    /** A {@code $ref} member with a string value. */
    public void reference(String ref) {
      if (count == numbers.length) {
        numbers = Arrays.copyOf(numbers, count * 2);
        refs = Arrays.copyOf(refs, count * 2);
      }
      numbers[count] = next++;
      refs[count] = ref;
      count++;
    }

    /** A {@code $ref} key written twice in one object: the tree keeps the later value only. */
    public void repeatedReference() {
      repeated = true;
    }

    public ReferencePlaces build() {
      return repeated
          ? null
          : new ReferencePlaces(Arrays.copyOf(numbers, count), Arrays.copyOf(refs, count), spans);
    }
  }
}
