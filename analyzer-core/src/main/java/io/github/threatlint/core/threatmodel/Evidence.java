package io.github.threatlint.core.threatmodel;

import java.util.List;

/**
 * A mitigation the specification shows: which check found it ({@code check}, an id the catalogue's
 * scenarios list under {@code evidence}), what it found in words, whether it covers the whole API
 * ({@code complete}) or only part of it, and where (a few places, possibly none).
 */
public record Evidence(String check, String text, boolean complete, List<Place> places) {}
