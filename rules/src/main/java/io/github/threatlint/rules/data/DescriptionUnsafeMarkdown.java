package io.github.threatlint.rules.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeKind;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
    id = "description-unsafe-markdown",
    title = "Script in a description",
    description =
        "A title, summary or description contains <script, javascript:, eval( or an inline event handler such "
            + "as onerror=: documentation portals render these fields as Markdown with HTML, so the script runs in the "
            + "browser of every developer who reads the documentation.",
    level = Level.ERROR,
    cost = RuleInfo.Cost.MEDIUM,
    owasp2023 = {"API8"},
    owasp2019 = {"API8"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    securitySeverity = 7.0,
    precision = "very-high",
    section = "data")
public final class DescriptionUnsafeMarkdown implements Checks.NodeCheck {
  private static final List<String> FIELDS = List.of("title", "summary", "description");

  /** Script that runs when the text is rendered as HTML. */
  private static final Pattern UNSAFE =
      Pattern.compile(
          "<\\s*script\\b|javascript\\s*:|vbscript\\s*:|\\beval\\s*\\(", Pattern.CASE_INSENSITIVE);

  /**
   * A tag up to its end: matches never overlap, so finding them one after the other is linear (a
   * single expression {@code <[a-z][^>]*\\son...} retries from every {@code <} and is quadratic).
   */
  private static final Pattern TAG = Pattern.compile("<[a-z][^>]*+", Pattern.CASE_INSENSITIVE);

  /** An event handler, which counts only inside a tag. */
  private static final Pattern EVENT_HANDLER =
      Pattern.compile("\\son[a-z]++\\s*+=", Pattern.CASE_INSENSITIVE);

  /** Code spans and fenced code blocks render as text, so what they show is safe. */
  private static final Pattern CODE =
      Pattern.compile("```.*?```|~~~.*?~~~|`[^`\\n]*`", Pattern.DOTALL);

  /**
   * Whether the text names a script word ({@code script} or {@code eval}) at the end of a word,
   * which every expression of {@link #UNSAFE} needs: a word boundary, blanks, a colon or a
   * parenthesis follow it there (they ignore ASCII case, as this search does). "subscription" has
   * the word inside another and skips the expression. One pass over the text, without a lower-case
   * copy: every title and description of a document is read here (Kubernetes: 2.1 million
   * characters of them). The words are looked for at their second letters, which are rarer in prose
   * than their first: c or v is 4 % of Kubernetes' characters, s or e 18 %, each a call of {@link
   * #endsWordAt} (a quarter of the rule's 25 samples of a cold run).
   */
  private static boolean hasScriptWord(String text) {
    int length = text.length();
    for (int at = 1; at < length; at++) {
      int lower = text.charAt(at) | 0x20; // an ASCII letter in lower case
      if ((lower == 'c' && endsWordAt(text, at - 1, "script"))
          || (lower == 'v' && endsWordAt(text, at - 1, "eval"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the word (in lower case) is at {@code at}, in any ASCII case, and not followed by a
   * letter, a digit or an underscore.
   */
  private static boolean endsWordAt(String text, int at, String word) {
    int after = at + word.length();
    if (after > text.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if ((text.charAt(at + i) | 0x20) != word.charAt(i)) {
        return false;
      }
    }
    return after == text.length()
        || !(Character.isLetterOrDigit(text.charAt(after)) || text.charAt(after) == '_');
  }

  /**
   * Whether the text has what an event handler needs: a tag ({@code <}) and an {@code =}. Most
   * descriptions have neither a script word nor this, and skip the expressions.
   */
  private static boolean mayHoldHandler(String text) {
    return text.indexOf('<') >= 0 && text.indexOf('=') >= 0;
  }

  /**
   * The last parameter read: in Swagger 2.0 a parameter other than a body is its own schema, and
   * the walk visits it as both, the schema right after the parameter (Kubernetes: 4,177 of the
   * 12,866 texts read, 1.6 of 3.7 million characters, were read a second time). Only the last one
   * is kept: a set of them all cost more on Stripe, whose schemas would each be looked up, than it
   * saved.
   */
  private JsonNode lastParameter;

  @Override
  public void checkNode(NodeRef node, NodeKind kind, RuleContext context) {
    if (!node.isObject() || kind == NodeKind.DOCUMENT) {
      return;
    }
    if (kind == NodeKind.PARAMETER) {
      lastParameter = node.node();
    } else if (kind == NodeKind.SCHEMA && node.node() == lastParameter) {
      return; // its texts were read as the parameter's
    }
    for (String field : FIELDS) {
      // a schema property called "title" or "description" is a schema, not text: only strings are
      // read
      check(node.get(field), field, context);
    }
    if (kind == NodeKind.SECURITY_SCHEME) {
      checkScopes(node, context);
    }
    if (kind == NodeKind.SERVER) {
      NodeRef variables = node.get("variables");
      if (variables != null) {
        for (Map.Entry<String, NodeRef> variable : variables.members()) {
          check(variable.getValue().get("description"), "description", context);
        }
      }
    }
  }

  private static void checkScopes(NodeRef scheme, RuleContext context) {
    NodeRef flows = scheme.get("flows");
    if (flows == null) {
      check(scheme.get("scopes"), context);
      return;
    }
    for (Map.Entry<String, NodeRef> flow : flows.members()) {
      check(flow.getValue().get("scopes"), context);
    }
  }

  private static void check(NodeRef scopes, RuleContext context) {
    if (scopes == null) {
      return;
    }
    for (Map.Entry<String, NodeRef> scope : scopes.members()) {
      check(scope.getValue(), "scope description", context);
    }
  }

  private static void check(NodeRef text, String field, RuleContext context) {
    if (text == null || !text.node().isTextual()) {
      return;
    }
    String value = text.node().textValue();
    boolean scriptWord = hasScriptWord(value);
    boolean handlerChars = mayHoldHandler(value);
    if (!scriptWord && !handlerChars) {
      return;
    }
    // code needs a backtick or a tilde
    String visible =
        value.indexOf('`') < 0 && value.indexOf('~') < 0
            ? value
            : CODE.matcher(value).replaceAll(" ");
    Matcher matcher = UNSAFE.matcher(visible);
    String found = scriptWord && matcher.find() ? matcher.group() : null;
    int handlerEnd = -1;
    Matcher tag = TAG.matcher(visible);
    while (handlerChars
        && handlerEnd < 0
        && tag.find()
        && (found == null || tag.start() < matcher.start())) {
      Matcher handler = EVENT_HANDLER.matcher(visible).region(tag.start() + 2, tag.end());
      while (handler.find()) {
        handlerEnd =
            handler.end(); // the last handler of the tag, as the greedy tag of the message always
        // showed
      }
      if (handlerEnd >= 0) {
        found = visible.substring(tag.start(), handlerEnd);
      }
    }
    if (found != null) {
      found = found.trim().toLowerCase(Locale.ROOT);
      context.report(
          text,
          "This "
              + field
              + " contains '"
              + found
              + "', which runs as script when documentation "
              + "portals render it: remove it, or show it as code between backticks if it is meant as an example.");
    }
  }
}
