package io.github.threatlint.core.vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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

  /** Words that name the production environment. */
  public static final List<String> PRODUCTION =
      List.of(
          "production",
          "prod",
          "live",
          // Portuguese, German, Italian (French uses the English word)
          "produção",
          "producao",
          "produktion",
          "produktiv",
          "produzione");

  /**
   * Words that name a non-production environment in a server's description but are too common in
   * host names to mark one there (integration.bank.ch, preview.bank.ch).
   */
  public static final List<String> DESCRIBED_NON_PRODUCTION =
      List.of(
          "pre_production",
          "localhost",
          "integration",
          "acceptance",
          "simulation",
          "simulator",
          "certification",
          "playground",
          "preview",
          "beta",
          // French, Italian
          "intégration",
          "préproduction",
          "preproduction",
          "integrazione");

  /** Words that name an environment, production included. */
  public static final List<String> ALL =
      Stream.of(PRODUCTION, NON_PRODUCTION, DESCRIBED_NON_PRODUCTION)
          .flatMap(List::stream)
          .toList();

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
