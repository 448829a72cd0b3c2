package io.github.threatlint.core.vocabulary;

import java.util.ArrayList;
import java.util.List;

/** Names of deployment environments, in host names and in server descriptions. */
public final class Environments {
  /** Words that mark a host or server as not production. */
  public static final List<String> NON_PRODUCTION = List.of("dev", "devel", "develop", "development", "test", "testing",
      "tst", "qa", "staging", "stage", "stg", "sandbox", "sbx", "uat", "preprod", "pre_prod", "demo", "mock", "local");

  /** Words that name an environment, production included. */
  public static final List<String> ALL = List.of("production", "prod", "live", "dev", "devel", "develop", "development",
      "test", "testing", "tst", "qa", "staging", "stage", "stg", "sandbox", "sbx", "uat", "preprod", "pre_prod",
      "pre_production", "demo", "mock", "local", "localhost", "integration", "acceptance", "simulation", "simulator",
      "certification", "playground", "preview", "beta");

  private Environments() {}

  /** The first environment word among the words of the host's labels (trailing digits ignored: dev2 reads dev), or null. */
  public static String inHost(String host, List<String> words) {
    if (host == null) {
      return null;
    }
    List<String> hostWords = new ArrayList<>();
    for (String label : host.split("\\.")) {
      for (String word : Words.split(label)) {
        hostWords.add(word.replaceAll("\\d+$", ""));
      }
    }
    String joined = String.join("_", hostWords);
    return Words.matchingTerm(joined, words);
  }

  /** True when the text names an environment as a whole word. */
  public static boolean named(String text, List<String> words) {
    return text != null && Words.containsAny(text, words);
  }
}
