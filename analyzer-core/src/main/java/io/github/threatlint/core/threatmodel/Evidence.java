package io.github.threatlint.core.threatmodel;

import java.util.List;

/**
 * A mitigation the specification shows, summed up from what the rules recorded: its id ({@code
 * check}, one of the catalogue's {@code evidence} list), what it shows in words, whether no place
 * lacks it ({@code complete}), and where it was seen (the first few places).
 */
public record Evidence(String check, String text, boolean complete, List<Place> places) {}
