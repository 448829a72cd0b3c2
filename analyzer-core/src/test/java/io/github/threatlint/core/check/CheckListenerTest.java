package io.github.threatlint.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.config.Configuration;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.facts.ApiFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order a listener hears of a check in: started once, then each file's document before its
 * progress, then settled in input order.
 */
class CheckListenerTest {
  /** Reports every document, with its title. */
  @RuleInfo(
      id = "test-title",
      title = "Title",
      description = "Reports every document.",
      level = Level.NOTE,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 1.0,
      section = "doc")
  public static final class Title implements Checks.DocumentCheck {
    @Override
    public void checkDocument(ApiDocument document, RuleContext context) {
      context.report(document.root(), document.root().node().path("info").path("title").asText());
    }
  }

  @TempDir Path project;

  @Test
  void startedFirstEachDocumentBeforeItsProgressAndSettledInInputOrder() throws Exception {
    List<Path> files = new ArrayList<>();
    for (String name : List.of("c", "a", "b", "d")) {
      files.add(
          Files.writeString(
              project.resolve(name + ".yaml"),
              "openapi: 3.0.3\ninfo: {title: " + name + ", version: '1'}\n"));
    }
    Files.writeString(project.resolve("broken.yaml"), "openapi: [\n");
    files.add(project.resolve("broken.yaml"));
    List<String> events = Collections.synchronizedList(new ArrayList<>());

    Check.run(
        CheckRequest.builder(project, List.of(new RuleDescriptor(Title.class)))
            .files(files)
            .threads(3)
            .build(),
        new CheckListener() {
          @Override
          public void started(
              Configuration configuration, Profile profile, List<EnabledRule> rules) {
            events.add(
                "started " + profile.label() + " " + rules.stream().map(EnabledRule::id).toList());
          }

          @Override
          public void document(int index, Analyzer.DocumentAnalysis analysis) {
            events.add(
                "document "
                    + analysis.displayPath()
                    + (analysis.document() == null ? " unread" : ""));
          }

          @Override
          public void analysed(int done, int total, String displayPath) {
            events.add("analysed " + displayPath + " of " + total);
          }

          @Override
          public void settled(
              int index, String displayPath, List<Finding> findings, List<ToolError> errors) {
            events.add(
                "settled "
                    + index
                    + " "
                    + displayPath
                    + " "
                    + findings.stream().map(Finding::message).toList()
                    + " "
                    + errors.size());
          }
        });

    assertThat(events.get(0)).isEqualTo("started recommended [test-title]");
    assertThat(events)
        .filteredOn(e -> e.startsWith("settled"))
        .containsExactly(
            "settled 0 c.yaml [c] 0",
            "settled 1 a.yaml [a] 0",
            "settled 2 b.yaml [b] 0",
            "settled 3 d.yaml [d] 0",
            "settled 4 broken.yaml [] 1");
    assertThat(events)
        .filteredOn(e -> e.startsWith("document"))
        .containsExactlyInAnyOrder(
            "document c.yaml",
            "document a.yaml",
            "document b.yaml",
            "document d.yaml",
            "document broken.yaml unread");
    for (String file : List.of("c.yaml", "a.yaml", "b.yaml", "d.yaml", "broken.yaml")) {
      int document = indexOf(events, "document " + file);
      int analysed = events.indexOf("analysed " + file + " of 5");
      int settled = indexOf(events, "settled " + files.indexOf(project.resolve(file)) + " " + file);
      assertThat(document).as(file).isPositive().isLessThan(analysed);
      assertThat(analysed).as(file).isLessThan(settled);
    }
  }

  private static int indexOf(List<String> events, String prefix) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The facts a listener asks for are taken in the rules' walk, the same as from the document
   * alone, an operation the walk does not reach on its own (under a path item referenced at an
   * extension) included; a listener that does not ask gets none.
   */
  @Test
  void factsAreTakenInTheWalkOnlyWhenTheListenerWantsThem() throws Exception {
    Path spec =
        Files.writeString(
            project.resolve("api.yaml"),
            """
            openapi: 3.0.3
            info: {title: Accounts, version: '1'}
            servers: [{url: 'https://api.bank.example/v1'}]
            paths:
              /accounts:
                get:
                  security: [{oauth: [accounts]}]
                  parameters: [{name: page, in: query, schema: {type: integer}}]
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json: {schema: {$ref: '#/components/schemas/Account'}}
              /statements: {$ref: '#/x-shared/statements'}
            x-shared:
              statements:
                get:
                  responses: {'200': {description: ok}}
            components:
              schemas:
                Account: {type: object, properties: {iban: {type: string}}}
              securitySchemes:
                oauth:
                  type: oauth2
                  flows:
                    clientCredentials:
                      tokenUrl: https://auth.bank.example/token
                      scopes: {accounts: read}
            """);
    AtomicReference<Analyzer.DocumentAnalysis> wanted = new AtomicReference<>();
    AtomicReference<Analyzer.DocumentAnalysis> unwanted = new AtomicReference<>();
    CheckRequest request =
        CheckRequest.builder(project, List.of(new RuleDescriptor(Title.class)))
            .files(List.of(spec))
            .build();

    Check.run(
        request,
        new CheckListener() {
          @Override
          public void document(int index, Analyzer.DocumentAnalysis analysis) {
            wanted.set(analysis);
          }

          @Override
          public boolean wantsFacts() {
            return true;
          }
        });
    Check.run(
        request,
        new CheckListener() {
          @Override
          public void document(int index, Analyzer.DocumentAnalysis analysis) {
            unwanted.set(analysis);
          }
        });

    ApiFacts facts = wanted.get().facts();
    assertThat(facts).isEqualTo(ApiFacts.of(wanted.get().document()));
    assertThat(facts.operations())
        .extracting(ApiFacts.Operation::label)
        .containsExactly("GET /accounts", "GET /statements");
    assertThat(facts.servers())
        .extracting(ApiFacts.Server::host)
        .containsExactly("api.bank.example");
    assertThat(facts.securitySchemes())
        .extracting(ApiFacts.SecurityScheme::name)
        .containsExactly("oauth");
    assertThat(unwanted.get().facts()).isNull();
  }
}
