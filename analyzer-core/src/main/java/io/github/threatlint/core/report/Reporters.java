package io.github.threatlint.core.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The reporters by format name: one small map. */
public final class Reporters {
  private static final Map<String, Reporter> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("text", new TextReporter());
    BY_NAME.put("json", new JsonReporter());
    BY_NAME.put("sarif", new SarifReporter());
    BY_NAME.put("github", new GitHubReporter());
    BY_NAME.put("junit", new JUnitReporter());
    BY_NAME.put("markdown", new MarkdownReporter());
  }

  private Reporters() {}

  public static Reporter byName(String name) {
    return BY_NAME.get(name);
  }

  public static Set<String> names() {
    return BY_NAME.keySet();
  }
}
