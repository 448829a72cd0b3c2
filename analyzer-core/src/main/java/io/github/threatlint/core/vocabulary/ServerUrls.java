package io.github.threatlint.core.vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Server URLs with their variables: the default URL, the URLs the enums allow, the host. */
public final class ServerUrls {
  private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://");

  private ServerUrls() {}

  /** A server variable: its default and its enum (empty when it has none). */
  public record Variable(String defaultValue, List<String> values) {}

  /** The variables declared on an OAS 3 server object, by name. */
  public static Map<String, Variable> variables(NodeRef server) {
    Map<String, Variable> variables = new LinkedHashMap<>();
    NodeRef declared = server.isObject() ? server.get("variables") : null;
    if (declared == null) {
      return variables;
    }
    for (Map.Entry<String, NodeRef> entry : declared.members()) {
      NodeRef variable = entry.getValue();
      List<String> values = new ArrayList<>();
      NodeRef enumeration = variable.isObject() ? variable.get("enum") : null;
      if (enumeration != null) {
        for (NodeRef value : enumeration.elements()) {
          if (value.node().isValueNode()) {
            values.add(value.node().asText());
          }
        }
      }
      JsonNode defaultValue = variable.node().get("default");
      variables.put(
          entry.getKey(),
          new Variable(defaultValue == null ? null : defaultValue.asText(), values));
    }
    return variables;
  }

  /** The names of the variables a URL uses, in order. */
  public static List<String> usedVariables(String url) {
    List<String> names = new ArrayList<>();
    Matcher matcher = VARIABLE.matcher(url);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /**
   * The URL with every declared variable replaced by its default; undeclared ones are left as
   * written.
   */
  public static String withDefaults(Server server) {
    return substitute(server.url(), variables(server.node()), null, null);
  }

  /**
   * The URLs a server can stand for: the default one, then one for each enum value of each variable
   * (the other variables at their defaults).
   */
  public static Set<String> alternatives(Server server) {
    Map<String, Variable> variables = variables(server.node());
    Set<String> urls = new LinkedHashSet<>();
    urls.add(substitute(server.url(), variables, null, null));
    for (Map.Entry<String, Variable> variable : variables.entrySet()) {
      for (String value : variable.getValue().values()) {
        urls.add(substitute(server.url(), variables, variable.getKey(), value));
      }
    }
    return urls;
  }

  private static String substitute(
      String url, Map<String, Variable> variables, String name, String value) {
    Matcher matcher = VARIABLE.matcher(url);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String variable = matcher.group(1);
      String replacement =
          variable.equals(name)
              ? value
              : variables.containsKey(variable) && variables.get(variable).defaultValue() != null
                  ? variables.get(variable).defaultValue()
                  : matcher.group();
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  /** The scheme in lower case, or null when the URL has none. */
  public static String scheme(String url) {
    Matcher matcher = SCHEME.matcher(url.trim());
    return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /**
   * The host in lower case (IPv6 without brackets), or null when the URL names none (a relative URL
   * such as {@code /api/v1}).
   */
  public static String host(String url) {
    String rest = url.trim();
    Matcher matcher = SCHEME.matcher(rest);
    if (matcher.find()) {
      rest = rest.substring(matcher.end());
    } else if (rest.startsWith("//")) {
      rest = rest.substring(2);
    } else {
      return null;
    }
    int end = rest.length();
    for (char stop : new char[] {'/', '?', '#'}) {
      int index = rest.indexOf(stop);
      if (index >= 0 && index < end) {
        end = index;
      }
    }
    String authority = rest.substring(0, end);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close > 0
          ? authority.substring(1, close).toLowerCase(Locale.ROOT)
          : authority.toLowerCase(Locale.ROOT);
    }
    int colon = authority.indexOf(':');
    return (colon >= 0 ? authority.substring(0, colon) : authority).toLowerCase(Locale.ROOT);
  }

  /** localhost, a loopback or unspecified address. */
  public static boolean isLoopback(String host) {
    return host != null
        && (host.equals("localhost")
            || host.endsWith(".localhost")
            || host.startsWith("127.")
            || host.equals("::1")
            || host.equals("0.0.0.0")
            || host.equals("::"));
  }

  /** Top-level names used inside organisations, never on the internet. */
  private static final List<String> INTERNAL_DOMAINS =
      List.of(".local", ".internal", ".intranet", ".corp", ".lan");

  /**
   * A host only reachable inside the machine or the organisation: loopback, a private address or an
   * internal domain.
   */
  public static boolean isInternal(String host) {
    return isLoopback(host)
        || isPrivateAddress(host)
        || (host != null && INTERNAL_DOMAINS.stream().anyMatch(host::endsWith));
  }

  /** A private, link-local or unique-local address (RFC 1918, RFC 3927, RFC 4193). */
  public static boolean isPrivateAddress(String host) {
    if (host == null) {
      return false;
    }
    Matcher ipv4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}$").matcher(host);
    if (ipv4.matches()) {
      int first = Integer.parseInt(ipv4.group(1));
      int second = Integer.parseInt(ipv4.group(2));
      return first == 10
          || (first == 172 && second >= 16 && second <= 31)
          || (first == 192 && second == 168)
          || (first == 169 && second == 254);
    }
    return host.contains(":")
        && (host.startsWith("fc") || host.startsWith("fd") || host.startsWith("fe80"));
  }
}
