package io.github.threatlint.core.threatmodel;

import java.util.List;

/**
 * A mitigation the specification shows, summed up from what the rules recorded: its id ({@code
 * check}, one of the catalogue's {@code evidence} list), what it shows in words, whether it is
 * shown at every place the rules checked with no finding of the same run saying the opposite there
 * ({@code complete}), and where it was seen (the first few places). {@code supporting} marks a
 * mitigation that helps against the scenario but never mitigates it alone.
 */
public record Evidence(
    String check, String text, boolean complete, List<Place> places, boolean supporting) {

  /** The same evidence as one that supports a scenario without mitigating it alone. */
  Evidence asSupporting() {
    return new Evidence(check, text, complete, places, true);
  }
}
