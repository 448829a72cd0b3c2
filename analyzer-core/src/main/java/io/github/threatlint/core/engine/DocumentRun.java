package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.ReferenceUsers;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** The analysis of one document by a set of rules: one walk, the findings and the tool errors. */
final class DocumentRun {
  private final ApiDocument document;
  private final List<Finding> findings = new ArrayList<>();
  private final List<ToolError> errors = new ArrayList<>();

  DocumentRun(ApiDocument document) {
    this.document = document;
  }

  /** Runs the rules over the document and returns its findings (unsorted) and errors. */
  static DocumentRun run(ApiDocument document, List<EnabledRule> rules, Timings timings) {
    DocumentRun run = new DocumentRun(document);
    Dispatcher dispatcher = new Dispatcher(timings);
    for (EnabledRule rule : rules) {
      Context context = run.new Context(rule.id(), rule.level(), rule.descriptor().info().level());
      try {
        dispatcher.subscribe(rule.descriptor().newInstance(rule.options()), context);
      } catch (RuntimeException e) {
        context.fail("", e);
      }
    }
    new Walker(document, dispatcher).walk();
    return run;
  }

  /** The operations that use the place through references, where each is written. */
  private List<Finding.Use> usedBy(NodeRef node) {
    ReferenceUsers users = document.referenceUsers();
    List<Finding.Use> uses = new ArrayList<>();
    for (Operation operation : users.of(node.file(), node.pointer())) {
      NodeRef mount = users.mount(operation);
      uses.add(new Finding.Use(operation.label(), mount.file().displayPath(), mount.pointer(),
          mount.file().index().region(mount.pointer())));
    }
    return List.copyOf(uses);
  }

  List<Finding> findings() {
    return findings;
  }

  List<ToolError> errors() {
    return errors;
  }

  /** The context of one rule: where its findings go, with its level. */
  final class Context implements RuleContext {
    private final String ruleId;
    private final Level level;
    private final Level defaultLevel;
    private boolean failed;

    Context(String ruleId, Level level, Level defaultLevel) {
      this.ruleId = ruleId;
      this.level = level;
      this.defaultLevel = defaultLevel;
    }

    @Override
    public ApiDocument document() {
      return document;
    }

    @Override
    public void report(NodeRef node, String message) {
      add(node, level, message);
    }

    @Override
    public void report(NodeRef node, String message, Level grade) {
      add(node, level == defaultLevel && grade != Level.OFF ? grade : level, message);
    }

    private void add(NodeRef node, Level findingLevel, String message) {
      // x-threatlint-ignore is looked up here, while the finding's own file is at hand
      findings.add(new Finding(ruleId, findingLevel, message, node.file().displayPath(), node.pointer(),
          node.file().index().region(node.pointer()), InSourceSuppressions.find(node.file(), node.pointer(), ruleId),
          usedBy(node)));
    }

    String ruleId() {
      return ruleId;
    }

    boolean failed() {
      return failed;
    }

    void fail(String pointer, Throwable error) {
      failed = true;
      String message = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
      errors.add(new ToolError(document.rootFile().displayPath(), 0, 0, ruleId, pointer, message));
    }
  }
}
