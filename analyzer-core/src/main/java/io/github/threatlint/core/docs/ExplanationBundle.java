package io.github.threatlint.core.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every explanation of a rules jar in one resource, {@link #RESOURCE}, made from the Markdown files
 * when the jar is built (the rules module runs {@link #main} on its classes), so that a run reads
 * one resource instead of searching the class loaders once per rule: a SARIF report reads all 87,
 * about 20 ms of a cold run's CPU (docs/performance.md, round 11). The Markdown files stay the
 * source; a rule whose explanation is not in the bundle (a plugin's) is read from its own file.
 *
 * <p>The format: per explanation, a line with the rule id and the length of its text in UTF-16
 * units, then the text.
 */
public final class ExplanationBundle {
  /** Where the bundle lives, relative to the root of the rules' class loader. */
  public static final String RESOURCE = Explanation.RESOURCE_FOLDER + "all.bundle";

  private static final String EXTENSION = ".md";

  private ExplanationBundle() {}

  /** Writes the bundle of the explanations under {@code args[0]}, a folder of compiled classes. */
  public static void main(String[] args) throws IOException {
    Path classes = Path.of(args[0]);
    Path folder = classes.resolve(Explanation.RESOURCE_FOLDER);
    Map<String, String> texts = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> listed = Files.list(folder)) {
        listed
            .filter(file -> file.getFileName().toString().endsWith(EXTENSION))
            .forEach(files::add);
      }
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      // decoded as Explanation.read decodes a resource
      texts.put(
          name.substring(0, name.length() - EXTENSION.length()),
          new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }
    Files.writeString(classes.resolve(RESOURCE), write(texts), StandardCharsets.UTF_8);
  }

  /** The bundle of these explanation texts, by rule id. */
  static String write(Map<String, String> texts) {
    StringBuilder bundle = new StringBuilder();
    texts.forEach(
        (id, text) ->
            bundle.append(id).append(' ').append(text.length()).append('\n').append(text));
    return bundle.toString();
  }

  /** The explanation texts of a bundle, by rule id. */
  public static Map<String, String> read(String bundle) {
    Map<String, String> texts = new HashMap<>();
    int at = 0;
    while (at < bundle.length()) {
      int space = bundle.indexOf(' ', at);
      int lineEnd = bundle.indexOf('\n', space);
      int start = lineEnd + 1;
      int end = start + Integer.parseInt(bundle.substring(space + 1, lineEnd));
      texts.put(bundle.substring(at, space), bundle.substring(start, end));
      at = end;
    }
    return texts;
  }
}
