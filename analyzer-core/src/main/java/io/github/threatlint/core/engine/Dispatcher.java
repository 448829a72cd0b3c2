package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.NodeKind;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.Rule;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.api.Server;
import io.github.threatlint.core.facts.FactCollector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Hands each visited node to the rules subscribed to its kind, each with its own context. A rule
 * that throws is reported as a tool error (rule id and pointer) and left out for the rest of the
 * document; the other rules go on.
 */
final class Dispatcher {
  /**
   * A rule instance with the context its findings go to, and the time its calls took so far (one
   * sum per rule, whatever kinds of node it is subscribed to).
   */
  record Subscriber<T>(T check, DocumentRun.Context context, Spent spent) {}

  /** The time a rule's calls took in this walk, when the run times each rule. */
  static final class Spent {
    long nanos;
  }

  /** Each subscribed rule's time, handed to the timings at the end of the walk. */
  private final Map<DocumentRun.Context, Spent> spent = new IdentityHashMap<>();

  private final List<Subscriber<Checks.DocumentCheck>> documents = new ArrayList<>();
  private final List<Subscriber<Checks.DocumentEndCheck>> documentEnds = new ArrayList<>();
  private final List<Subscriber<Checks.OperationCheck>> operations = new ArrayList<>();
  private final List<Subscriber<Checks.PathOperationCheck>> pathOperations = new ArrayList<>();
  private final List<Subscriber<Checks.ResponseCheck>> responses = new ArrayList<>();

  /**
   * Status and place of the responses already checked: a shared definition is checked once per
   * status. Kept as pairs, not as strings of both: the string made the pointer of every response of
   * every operation, which nothing else needs unless a rule reports there.
   */
  private final Set<CheckedResponse> checkedResponses = new HashSet<>();

  private record CheckedResponse(String status, NodeRef place) {
    // what a record's own equals and hashCode compute, written out: those are linked through method
    // handles at their first call, which a class-data archive does not hold (docs/performance.md)
    @Override
    public boolean equals(Object other) {
      return other instanceof CheckedResponse that
          && status.equals(that.status)
          && place.equals(that.place);
    }

    @Override
    public int hashCode() {
      return status.hashCode() * 31 + place.hashCode();
    }
  }

  private final List<Subscriber<Checks.ParameterCheck>> parameters = new ArrayList<>();
  private final List<Subscriber<Checks.SecuritySchemeCheck>> schemes = new ArrayList<>();
  private final List<Subscriber<Checks.ServerCheck>> servers = new ArrayList<>();
  private final List<Subscriber<Checks.SchemaCheck>> schemas = new ArrayList<>();
  private final List<Subscriber<Checks.ReferenceCheck>> references = new ArrayList<>();
  private final List<Subscriber<Checks.NodeCheck>> nodes = new ArrayList<>();
  private final Timings timings;

  /**
   * Takes the document's facts from the same visits the rules get, or null when the run does not
   * ask for them (a check without a threat-model report).
   */
  private final FactCollector facts;

  private Throwable factsFailure;

  /**
   * Where the walk is: the visits so far, and within the current visit the step (an operation visit
   * calls the operation checks, then the path-operation checks, then the response checks of each of
   * its responses). The walk visits the same nodes in the same order whichever rules are
   * subscribed, so the place of a call, with the rule's place in the run's order, is where one walk
   * of all rules would make it: how the results of rules split over threads are put in that order.
   */
  private long visit;

  private int step;

  Dispatcher(Timings timings, FactCollector facts) {
    this.timings = timings;
    this.facts = facts;
  }

  void subscribe(Rule rule, DocumentRun.Context context) {
    Spent spent = this.spent.get(context);
    if (spent == null) {
      spent = new Spent();
      this.spent.put(context, spent);
    }
    if (rule instanceof Checks.DocumentCheck check) {
      documents.add(new Subscriber<>(check, context, spent));
    }
    if (rule instanceof Checks.DocumentEndCheck check) {
      documentEnds.add(new Subscriber<>(check, context, spent));
    }
    if (rule instanceof Checks.OperationCheck check) {
      operations.add(new Subscriber<>(check, context, spent));
    }
    if (rule instanceof Checks.PathOperationCheck check) {
      pathOperations.add(new Subscriber<>(check, context, spent));
    }
    if (rule instanceof Checks.ResponseCheck check) {
      responses.add(new Subscriber<>(check, context, spent));
    }
    if (rule instanceof Checks.ParameterCheck check) {
      parameters.add(new Subscriber<>(check, context, spent));
    }
    if (rule instanceof Checks.SecuritySchemeCheck check) {
      schemes.add(new Subscriber<>(check, context, spent));
    }
    if (rule instanceof Checks.ServerCheck check) {
      servers.add(new Subscriber<>(check, context, spent));
    }
    if (rule instanceof Checks.SchemaCheck check) {
      schemas.add(new Subscriber<>(check, context, spent));
    }
    if (rule instanceof Checks.ReferenceCheck check) {
      references.add(new Subscriber<>(check, context, spent));
    }
    if (rule instanceof Checks.NodeCheck check) {
      nodes.add(new Subscriber<>(check, context, spent));
    }
  }

  /**
   * Hands a visit to the fact collector. A failure there is kept, and ends the collecting, but does
   * not reach the rules: the document's findings stand; only its threat model is missing. What is
   * visited is passed to {@code visit} (a method of the collector, capturing nothing: see {@link
   * Check}).
   */
  private <A> void collect(A visited, BiConsumer<FactCollector, A> visit) {
    if (facts == null || factsFailure != null) {
      return;
    }
    try {
      visit.accept(facts, visited);
    } catch (RuntimeException | StackOverflowError e) {
      factsFailure = e;
    }
  }

  /** The current visit, counted from 1 (0 before the walk). */
  long visit() {
    return visit;
  }

  /** The step within the current visit. */
  int step() {
    return step;
  }

  private void nextVisit() {
    visit++;
    step = 0;
  }

  /** The failure that ended the fact collecting, or null. */
  Throwable factsFailure() {
    return factsFailure;
  }

  void document(ApiDocument document) {
    nextVisit();
    call(
        documents,
        document.root(),
        document,
        (check, place, visited, context) -> check.checkDocument(visited, context));
  }

  void documentEnd(ApiDocument document) {
    nextVisit();
    call(
        documentEnds,
        document.root(),
        document,
        (check, place, visited, context) -> check.finishDocument(visited, context));
    for (Map.Entry<DocumentRun.Context, Spent> rule : spent.entrySet()) {
      if (rule.getValue().nanos != 0) {
        timings.addRule(rule.getKey().ruleId(), rule.getValue().nanos);
      }
    }
  }

  void operation(Operation operation) {
    nextVisit();
    collect(operation, FactCollector::operation);
    call(
        operations,
        operation.node(),
        operation,
        (check, place, visited, context) -> check.checkOperation(visited, context));
    if (operation.kind() == Operation.Kind.PATH) {
      step = 1;
      call(
          pathOperations,
          operation.node(),
          operation,
          (check, place, visited, context) -> check.checkPathOperation(visited, context));
    }
    if (!responses.isEmpty()) {
      int index = 0;
      for (Response response : operation.responses()) {
        step = 2 + index++;
        if (checkedResponses.add(new CheckedResponse(response.status(), response.node()))) {
          call(
              responses,
              response.node(),
              response,
              (check, place, visited, context) -> check.checkResponse(visited, context));
        }
      }
    }
  }

  void parameter(Parameter parameter) {
    nextVisit();
    call(
        parameters,
        parameter.node(),
        parameter,
        (check, place, visited, context) -> check.checkParameter(visited, context));
  }

  void securityScheme(SecurityScheme scheme) {
    nextVisit();
    collect(scheme, FactCollector::securityScheme);
    call(
        schemes,
        scheme.node(),
        scheme,
        (check, place, visited, context) -> check.checkSecurityScheme(visited, context));
  }

  void server(Server server) {
    nextVisit();
    collect(server, FactCollector::server);
    call(
        servers,
        server.node(),
        server,
        (check, place, visited, context) -> check.checkServer(visited, context));
  }

  void schema(SchemaVisit schema) {
    nextVisit();
    call(
        schemas,
        schema.node(),
        schema,
        (check, place, visited, context) -> check.checkSchema(visited, context));
  }

  void reference(NodeRef reference) {
    nextVisit();
    call(
        references,
        reference,
        null,
        (check, place, unused, context) -> check.checkReference(place, context));
  }

  void node(NodeRef node, NodeKind kind) {
    nextVisit();
    call(
        nodes,
        node,
        kind,
        (check, place, visited, context) -> check.checkNode(place, visited, context));
  }

  /**
   * A rule's check method, called with the place and what is visited there. The dispatch methods
   * pass what they visit as arguments to lambdas that capture nothing, which the JVM makes once:
   * lambdas capturing it were made at every visit, and in C1's code (the CLI stops at C1) making
   * one is a call through method handles into the VM ({@code Unsafe.allocateInstance}), about 5
   * samples per cold Stripe run of the walk's threads.
   */
  private interface Check<T, A> {
    void call(T check, NodeRef place, A visited, RuleContext context);
  }

  private <T, A> void call(
      List<Subscriber<T>> subscribers, NodeRef place, A visited, Check<T, A> action) {
    if (timings.timingRules()) {
      callTimed(subscribers, place, visited, action);
      return;
    }
    // indexed: an iterator per call (per visited node and kind) was 3 MB of a cold Stripe run
    for (int i = 0; i < subscribers.size(); i++) {
      Subscriber<T> subscriber = subscribers.get(i);
      if (!subscriber.context().failed()) {
        callOne(subscriber, place, visited, action);
      }
    }
  }

  /**
   * {@link #call}, each rule's time, less the shared facts it asked for meanwhile, added to its own
   * sum: the clock and the facts' time are read once between two calls (the end of one call is the
   * start of the next), and the sums go to the timings once, at the end of the walk. Read before
   * and after each call and added to the timings' concurrent map each time, they took 2 % of a cold
   * Stripe run's CPU with {@code --timings} (the benchmark's runs).
   */
  private <T, A> void callTimed(
      List<Subscriber<T>> subscribers, NodeRef place, A visited, Check<T, A> action) {
    if (subscribers.isEmpty()) {
      return;
    }
    ApiDocument document = subscribers.get(0).context().document();
    long before = System.nanoTime();
    long factsBefore = document.factNanos();
    for (int i = 0; i < subscribers.size(); i++) {
      Subscriber<T> subscriber = subscribers.get(i);
      if (subscriber.context().failed()) {
        continue;
      }
      callOne(subscriber, place, visited, action);
      long after = System.nanoTime();
      long factsAfter = document.factNanos();
      subscriber.spent().nanos += after - before - (factsAfter - factsBefore);
      before = after;
      factsBefore = factsAfter;
    }
  }

  private static <T, A> void callOne(
      Subscriber<T> subscriber, NodeRef place, A visited, Check<T, A> action) {
    DocumentRun.Context context = subscriber.context();
    try {
      action.call(subscriber.check(), place, visited, context);
    } catch (RuntimeException | StackOverflowError e) {
      context.fail(place.pointer(), e);
    }
  }
}
