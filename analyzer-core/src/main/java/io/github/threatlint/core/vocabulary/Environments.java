package io.github.threatlint.core.vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * Names of deployment environments, in host names and in server descriptions: in English, and in
 * the languages bank APIs are described in (Portuguese for Open Finance Brasil; German, French and
 * Italian in Switzerland), with and without accents.
 */
public final class Environments {
  /** Words that mark a host or server as not production. */
  public static final List<String> NON_PRODUCTION =
      List.of(
          "dev",
          "devel",
          "develop",
          "development",
          "test",
          "testing",
          "tst",
          "qa",
          "staging",
          "stage",
          "stg",
          "sandbox",
          "sbx",
          "uat",
          "preprod",
          "pre_prod",
          "demo",
          "mock",
          "local",
          // Portuguese (homologação: acceptance), German, French, Italian
          "homologacao",
          "homologação",
          "desenvolvimento",
          "teste",
          "testes",
          "entwicklung",
          "abnahme",
          "testumgebung",
          "recette",
          "developpement",
          "développement",
          "collaudo",
          "sviluppo");

  /** Words that name an environment, production included. */
  public static final List<String> ALL =
      List.of(
          "production",
          "prod",
          "live",
          "dev",
          "devel",
          "develop",
          "development",
          "test",
          "testing",
          "tst",
          "qa",
          "staging",
          "stage",
          "stg",
          "sandbox",
          "sbx",
          "uat",
          "preprod",
          "pre_prod",
          "pre_production",
          "demo",
          "mock",
          "local",
          "localhost",
          "integration",
          "acceptance",
          "simulation",
          "simulator",
          "certification",
          "playground",
          "preview",
          "beta",
          // Portuguese
          "produção",
          "producao",
          "homologação",
          "homologacao",
          "desenvolvimento",
          "teste",
          "testes",
          // German
          "produktion",
          "produktiv",
          "abnahme",
          "entwicklung",
          "testumgebung",
          // French (production and integration are the English words)
          "recette",
          "intégration",
          "développement",
          "developpement",
          "préproduction",
          "preproduction",
          // Italian
          "produzione",
          "collaudo",
          "sviluppo",
          "integrazione");

  private Environments() {}

  /**
   * The first environment word among the words of the host's labels (trailing digits ignored: dev2
   * reads dev), or null.
   */
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
