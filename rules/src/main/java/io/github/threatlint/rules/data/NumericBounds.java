package io.github.threatlint.rules.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.PageParameters;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;
import io.github.threatlint.rules.support.StatedBounds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

@RuleInfo(
    id = "numeric-bounds",
    title = "Input number without bounds",
    description =
        "An integer or number that clients send without both a lower and an upper bound: negative amounts, "
            + "zero or huge quantities and counts reach the back end unchecked. A page size's missing maximum is "
            + "pagination-unbounded's finding, and a page number or offset needs only a minimum. A count of what the "
            + "record describes (numberOfRooms, companyNumberOfEmployees, roomCount, a page envelope's TotalPages) is a "
            + "note, and so is a missing bound that the description states in prose (\"less equal to 4 unless "
            + "otherwise agreed bilaterally\", \"max. 50\", \"between 1 and 31\"): the schema does not enforce it.",
    level = Level.WARNING,
    cost = RuleInfo.Cost.MEDIUM,
    readsProse = true,
    owasp2023 = {"API4"},
    owasp2019 = {"API4"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    mitigations = {"input-validation"},
    securitySeverity = 5.0,
    precision = "high",
    section = "data")
public final class NumericBounds implements Checks.SchemaCheck {
  @RuleOption(description = "Also check numbers of responses, not only inputs.")
  public boolean includeResponses = false;

  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    if (schema.isRef() || !Schemas.isNumeric(schema) || !Schemas.judged(visit, includeResponses)) {
      return;
    }
    boolean lower =
        Schemas.declares(visit, node -> bound(node, "minimum", "exclusiveMinimum"))
            || Schemas.hasNonNegativeValueType(schema);
    boolean upper =
        Schemas.declares(visit, node -> bound(node, "maximum", "exclusiveMaximum"))
            || pagingParameter(schema);
    if ((lower && upper) || Schemas.declares(visit, Schemas::isEnumerated)) {
      context.mitigated(
          schema,
          "input-validation",
          visit,
          judged -> SchemaLabels.of(judged.document(), judged.node()) + " (bounded number)");
      return;
    }
    String label = SchemaLabels.of(visit.document(), schema);
    context.unmitigated(schema, "input-validation", label + " (unbounded number)");
    Missing missing = Missing.of(lower, upper);
    String type = Schemas.valueTypes(schema).contains("integer") ? "an integer" : "a number";
    String finding =
        label + " is " + type + " " + Schemas.usageLabel(visit) + " with " + missing.found;
    String message =
        finding
            + ": declare "
            + missing.declare
            + " for the values the operation can really process.";
    String stated = statedInProse(visit.document(), schema, lower, upper);
    if (stated != null) {
      String them = missing.pronoun;
      context.report(
          schema,
          finding
              + ", but "
              + stated
              + " "
              + missing.named
              + " in prose: declare "
              + them
              + " as "
              + missing.keywords
              + " so that validation enforces "
              + them
              + (StatedBounds.leftToAgreement(stated)
                  ? ", or keep "
                      + them
                      + " open where the standard leaves "
                      + them
                      + " to an agreement."
                  : "."),
          Level.NOTE);
    } else if (isCount(visit.propertyName())) {
      // numberOfRooms, guestCount: a count of things described, not an amount or a size the server
      // acts on
      context.report(
          schema, message + " (A count of what the record describes: a note.)", Level.NOTE);
    } else {
      context.report(schema, message);
    }
  }

  /**
   * Which bounds a number misses, as its messages name them: a page number or a non-negative value
   * type misses one bound only, and is asked for that one.
   */
  private enum Missing {
    BOTH(
        "neither a minimum nor a maximum",
        "minimum and maximum (or exclusiveMinimum/exclusiveMaximum)",
        "its bounds",
        "minimum and maximum",
        "them"),
    MINIMUM("no minimum", "a minimum (or exclusiveMinimum)", "a minimum", "minimum", "it"),
    MAXIMUM("no maximum", "a maximum (or exclusiveMaximum)", "a maximum", "maximum", "it");

    /** What the number has: "with no minimum". */
    final String found;

    /** What to declare: "declare a minimum (or exclusiveMinimum)". */
    final String declare;

    /** What prose states: "states a minimum in prose". */
    final String named;

    /** The keywords that would enforce it: "declare it as minimum". */
    final String keywords;

    final String pronoun;

    Missing(String found, String declare, String named, String keywords, String pronoun) {
      this.found = found;
      this.declare = declare;
      this.named = named;
      this.keywords = keywords;
      this.pronoun = pronoun;
    }

    static Missing of(boolean lower, boolean upper) {
      return !lower && !upper ? BOTH : !lower ? MINIMUM : MAXIMUM;
    }
  }

  /**
   * Where the description or title states in words each bound the schema misses, with the words
   * ("its description ('at most 4') states"), or null: a bound stated in prose is one the back end
   * knows, and one a standard may leave open on purpose (to a bilateral agreement), but the schema
   * does not enforce it. The number's own description and title are read, and its parameter's.
   */
  private static String statedInProse(
      ApiDocument document, NodeRef schema, boolean lower, boolean upper) {
    JsonNode parameter = Schemas.parameterOf(schema);
    List<JsonNode> describing =
        parameter == null || parameter == schema.node()
            ? List.of(schema.node())
            : List.of(schema.node(), parameter);
    // field -> the quoted words of each missing bound it states, in the order minimum, maximum
    Map<String, List<String>> quotes = new LinkedHashMap<>();
    for (boolean minimum : List.of(true, false)) {
      if (minimum ? lower : upper) {
        continue;
      }
      Map.Entry<String, String> statement = statement(document, describing, minimum);
      if (statement == null) {
        return null;
      }
      List<String> words = quotes.get(statement.getKey());
      if (words == null) {
        words = new ArrayList<>();
        quotes.put(statement.getKey(), words);
      }
      if (!words.contains(statement.getValue())) {
        words.add(statement.getValue());
      }
    }
    List<String> sources = new ArrayList<>();
    for (Map.Entry<String, List<String>> quote : quotes.entrySet()) {
      sources.add("its " + quote.getKey() + " ('" + String.join("'; '", quote.getValue()) + "')");
    }
    return String.join(" and ", sources) + (sources.size() > 1 ? " state" : " states");
  }

  /** The first description or title that states the minimum (or maximum), and its words. */
  private static Map.Entry<String, String> statement(
      ApiDocument document, List<JsonNode> describing, boolean minimum) {
    Map<String, Optional<String>> read = document.fact(minimum ? MINIMA_READ : MAXIMA_READ);
    for (JsonNode node : describing) {
      for (String field : List.of("description", "title")) {
        String text = node.path(field).textValue();
        if (text == null) {
          continue;
        }
        Optional<String> words = read.get(text);
        if (words == null) {
          words =
              Optional.ofNullable(
                  minimum ? StatedBounds.minimum(text) : StatedBounds.maximum(text));
          read.put(text, words);
        }
        if (words.isPresent()) {
          return Map.entry(field, words.get());
        }
      }
    }
    return null;
  }

  /**
   * What each description or title read states of a minimum, and of a maximum, for one document:
   * the same words describe many numbers (Stripe: "A limit on the number of objects to be returned.
   * Limit can range between 1 and 100" for 363 of them), and the expressions are a third of the
   * rule's time when each is read again (16 ms of a cold run).
   */
  private static final ApiDocument.Fact<Map<String, Optional<String>>> MINIMA_READ =
      document -> new ConcurrentHashMap<>();

  private static final ApiDocument.Fact<Map<String, Optional<String>>> MAXIMA_READ =
      document -> new ConcurrentHashMap<>();

  /**
   * A paging parameter needs no maximum here: a page size's is pagination-unbounded's finding (one
   * finding per cause on a node), and a page number or offset past the end returns an empty page.
   */
  private static boolean pagingParameter(NodeRef schema) {
    JsonNode parameter = Schemas.parameterOf(schema);
    if (parameter == null || !parameter.path("name").isTextual()) {
      return false;
    }
    String name = parameter.path("name").textValue();
    return PageParameters.isSize(name) || PageParameters.isPosition(name);
  }

  /**
   * The totals of a page envelope ({@code TotalPages}, {@code totalResults}): what the server
   * counts for the response it returns.
   */
  private static final List<String> PAGE_TOTALS =
      List.of("pages", "results", "elements", "records", "items", "rows");

  /**
   * {@code numberOfGuestWC}, {@code companyNumberOfEmployees}, {@code roomCount}, {@code
   * TotalPages}: a property that counts what the record describes.
   */
  private static boolean isCount(String propertyName) {
    List<String> words = Words.split(propertyName);
    if (words.size() < 2) {
      return false;
    }
    String last = words.get(words.size() - 1);
    return Collections.indexOfSubList(words, List.of("number", "of")) >= 0
        || last.equals("count")
        || (words.size() == 2 && words.get(0).equals("total") && PAGE_TOTALS.contains(last));
  }

  /**
   * A bound: the inclusive keyword, or the exclusive one written as a number (3.1; 3.0 writes it as
   * a boolean flag).
   */
  private static boolean bound(NodeRef schema, String inclusive, String exclusive) {
    JsonNode value = schema.node().get(inclusive);
    if (value != null && value.isNumber()) {
      return true;
    }
    JsonNode exclusiveValue = schema.node().get(exclusive);
    return exclusiveValue != null && exclusiveValue.isNumber();
  }
}
