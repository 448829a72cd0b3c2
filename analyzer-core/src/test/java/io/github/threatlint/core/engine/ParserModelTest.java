package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.check.CheckResult;
import io.github.threatlint.core.source.TreeParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's schedule for swagger-parser's model: built once per document, ahead on a spare core
 * only for a run with a rule that reads it, and a failure of the build reaches the rule's caller as
 * the synchronous build's would.
 */
class ParserModelTest {
  /** Reports each of swagger-parser's messages, as spec-invalid reads them. */
  @RuleInfo(
      id = "test-parser-messages",
      title = "Parser messages",
      description = "Reports swagger-parser's messages.",
      level = Level.ERROR,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 1.0,
      section = "doc",
      readsParserMessages = true)
  public static final class ReadsParserMessages implements Checks.DocumentCheck {
    @Override
    public void checkDocument(ApiDocument document, RuleContext context) {
      for (String message : document.parserMessages()) {
        context.report(document.root(), message);
      }
    }
  }

  @TempDir Path folder;

  private final Timings timings = new Timings();
  private final AtomicInteger builds = new AtomicInteger();

  private static ParsedFile file() throws Exception {
    return TreeParser.parse(
        new SourceFile(Path.of("api.yaml"), "api.yaml", "openapi: 3.0.3\npaths: {}\n"));
  }

  @Test
  void onFirstUseTheModelIsBuiltWhenTheDocumentAsksAndOnce() throws Exception {
    ParserModel model =
        new ParserModel(
            false,
            timings,
            (file, version) -> {
              builds.incrementAndGet();
              return List.of("attribute info is missing");
            });
    ApiDocument document =
        new ApiDocument(
            file(),
            SpecVersion.OPENAPI_3_0,
            ExternalFiles.NONE,
            model.messagesFor(file(), SpecVersion.OPENAPI_3_0));

    assertThat(builds).hasValue(0);
    assertThat(document.parserMessages()).containsExactly("attribute info is missing");
    assertThat(document.parserMessages()).containsExactly("attribute info is missing");
    assertThat(builds).hasValue(1);
    assertThat(timings.nanos(Timings.Phase.SWAGGER_PARSER_MODEL)).isPositive();
  }

  @Test
  void aheadTheModelIsBuiltOnAnotherThreadBeforeTheDocumentAsks() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Thread test = Thread.currentThread();
    ParserModel model =
        new ParserModel(
            true,
            timings,
            (file, version) -> {
              builds.incrementAndGet();
              started.countDown();
              return List.of(Thread.currentThread() == test ? "same thread" : "other thread");
            });
    Supplier<List<String>> messages = model.messagesFor(file(), SpecVersion.OPENAPI_3_0);

    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(messages.get()).containsExactly("other thread");
    assertThat(builds).hasValue(1);
  }

  @Test
  void aFailureOfTheBuildAheadReachesTheDocumentAsTheSynchronousBuildWould() throws Exception {
    for (boolean ahead : new boolean[] {true, false}) {
      ParserModel model =
          new ParserModel(
              ahead,
              timings,
              (file, version) -> {
                throw new StackOverflowError("deep");
              });
      Supplier<List<String>> messages = model.messagesFor(file(), SpecVersion.OPENAPI_3_0);

      assertThatThrownBy(messages::get).isInstanceOf(StackOverflowError.class).hasMessage("deep");
    }
  }

  @Test
  void aheadOnlyWhenARuleReadsTheMessagesAndACoreIsSpare() {
    EnabledRule reads =
        new EnabledRule(new RuleDescriptor(ReadsParserMessages.class), Level.ERROR, Map.of());
    EnabledRule walks =
        new EnabledRule(new RuleDescriptor(WalkRecorder.class), Level.ERROR, Map.of());

    assertThat(ParserModel.forRun(List.of(reads, walks), 1, 2, timings).ahead()).isTrue();
    assertThat(ParserModel.forRun(List.of(reads), 2, 2, timings).ahead()).isFalse();
    assertThat(ParserModel.forRun(List.of(walks), 1, 2, timings).ahead()).isFalse();
  }

  @Test
  void theRuleReadsSwaggerParsersMessagesThroughARun() throws Exception {
    WalkRecorder.write(folder, "api.yaml", "openapi: 3.0.3\npaths: {}\n");

    CheckResult check =
        WalkRecorder.check(
            folder, List.of(new RuleDescriptor(ReadsParserMessages.class)), "api.yaml");

    assertThat(check.result().errors()).isEmpty();
    assertThat(check.result().findings())
        .extracting(Finding::message)
        .containsExactly("attribute info is missing");
  }
}
