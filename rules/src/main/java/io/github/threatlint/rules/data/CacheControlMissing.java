package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.rules.support.CustomerData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
    id = "cache-control-missing",
    title = "Customer data returned without Cache-Control",
    description =
        "A 2xx response of a GET that returns customer data (its schema carries identifying or financial "
            + "properties) without a Cache-Control header: browsers, proxies and CDNs may keep the data, where other users "
            + "of the device or network can read it.",
    level = Level.NOTE,
    cost = RuleInfo.Cost.HIGH,
    readsProse = false,
    owasp2023 = {"API8"},
    owasp2019 = {"API3"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Information leakage, integrity violation"},
    securitySeverity = 3.5,
    precision = "high",
    section = "data")
public final class CacheControlMissing implements Checks.PathOperationCheck {
  @RuleOption(description = "Headers that state the caching policy of a response.")
  public List<String> headers = List.of("Cache-Control");

  @RuleOption(description = "Property names of customer identifying data, matched as whole words.")
  public List<String> identifyingNames = CustomerData.IDENTIFYING;

  @RuleOption(description = "Property names of customer financial data, matched as whole words.")
  public List<String> financialNames = CustomerData.FINANCIAL;

  /** How many property levels below the response schema are searched for customer data. */
  private static final int DEPTH = 4;

  private final Set<NodeRef> reported = new HashSet<>();

  /**
   * Customer-data names per response schema: many responses share a schema, and the search goes
   * deep.
   */
  private final Map<NodeRef, List<String>> namesBySchema = new HashMap<>();

  private List<String> terms;

  /** The search for customer data in this document's response schemas, made on the first GET. */
  private CustomerData.Search search;

  /**
   * The customer-data names under a response schema, searched once per schema: looked up and put,
   * not computeIfAbsent with a lambda, which would capture the rule and be made at each response
   * media type (in C1's code through method handles into the VM).
   */
  private List<String> customerNames(NodeRef schema) {
    List<String> names = namesBySchema.get(schema);
    if (names == null) {
      names = schema == null ? List.of() : search.find(schema, DEPTH);
      namesBySchema.put(schema, names);
    }
    return names;
  }

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    if (!operation.method().equals("get")) {
      return;
    }
    if (terms == null) {
      List<String> all = new ArrayList<>(identifyingNames);
      all.addAll(financialNames);
      terms = List.copyOf(all);
    }
    if (search == null) {
      // whether a property name is customer data, per name, shared with the other rules that ask
      CustomerData.Names customerNames = CustomerData.names(operation.document(), terms);
      search = new CustomerData.Search(operation.document(), customerNames::match);
    }
    for (Response response : operation.responses()) {
      if (!response.isSuccess()
          || declaresCaching(response)
          || reported.contains(response.node())) {
        continue;
      }
      List<String> found = new ArrayList<>();
      for (MediaType type : response.content()) {
        if (type.schema() != null) {
          List<String> names = customerNames(operation.document().deref(type.schema()));
          for (String name : names) {
            if (!found.contains(name)) {
              found.add(name);
            }
          }
        }
      }
      if (!found.isEmpty() && reported.add(response.node())) {
        NodeRef at = response.reportAt();
        context.report(
            at,
            "Response "
                + response.status()
                + " of "
                + operation.label()
                + " returns customer data ("
                + CustomerData.quote(found)
                + ") without a Cache-Control header: declare Cache-Control (no-store for personal "
                + "and financial data) so that browsers and proxies do not keep it.");
      }
    }
  }

  private boolean declaresCaching(Response response) {
    for (String header : headers) {
      if (response.hasHeader(header)) {
        return true;
      }
    }
    return false;
  }
}
