package io.github.threatlint.rules.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.PathTemplate;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.vocabulary.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Property names that mark customer data, after the SFTI assets "Customer Identifying data",
 * "Indirect Customer Identifying Data" and "Customer Financial Data". Rules take these lists as the
 * defaults of their options.
 */
public final class CustomerData {
  /**
   * Words of path segments that mark customer data (matched as whole words of each segment, so
   * 'accounts' matches /accounts and /bank-accounts).
   */
  public static final List<String> PATH_WORDS =
      List.of(
          "account",
          "accounts",
          "customer",
          "customers",
          "user",
          "users",
          "person",
          "persons",
          "people",
          "party",
          "parties",
          "profile",
          "profiles",
          "me",
          "transaction",
          "transactions",
          "balance",
          "balances",
          "card",
          "cards",
          "portfolio",
          "portfolios",
          "position",
          "positions",
          "mortgage",
          "mortgages",
          "pension",
          "pensions",
          "contract",
          "contracts",
          "statement",
          "statements",
          "beneficiary",
          "beneficiaries",
          "insured",
          "holding",
          "holdings",
          "deposit",
          "deposits",
          "loan",
          "loans");

  /** True when a fixed segment of the path names customer data ({@link #PATH_WORDS}). */
  public static boolean inPath(PathTemplate path, List<String> words) {
    for (String segment : path.fixedSegments()) {
      if (!namesInstitution(segment) && Words.containsAny(segment, words)) {
        return true;
      }
    }
    return false;
  }

  /** Names that identify a person, directly or indirectly. */
  public static final List<String> IDENTIFYING =
      List.of(
          "first_name",
          "last_name",
          "given_name",
          "family_name",
          "surname",
          "full_name",
          "maiden_name",
          "birth_name",
          "email",
          "e_mail",
          "email_address",
          "phone",
          "phone_number",
          "mobile_number",
          "telephone",
          "address",
          "street",
          "postal_address",
          "birth_date",
          "date_of_birth",
          "birthdate",
          "birthday",
          "nationality",
          "ssn",
          "social_security_number",
          "ahv",
          "ahv_number",
          "tax_id",
          "tax_number",
          "passport",
          "passport_number",
          "national_id",
          "id_card_number",
          "customer_number",
          "client_number",
          // the parts of a postal address and of a name, as ISO 20022 and SFTI write them
          "street_name",
          "post_code",
          "postcode",
          "postal_code",
          "zip_code",
          "town_name",
          "sur_name");

  /**
   * Names of special categories of personal data (GDPR Art. 9 and 10; Switzerland's revDSG Art. 5
   * c, which lists administrative and criminal sanctions): a wealth manager's KYC record holds
   * them.
   */
  public static final List<String> SPECIAL_CATEGORY =
      List.of(
          "politically_exposed_person",
          "pep",
          "pep_status",
          "is_pep",
          "sanction",
          "sanctions",
          "sanction_status",
          "sanctions_status",
          "fatca_status",
          "fatca",
          "tin",
          "tax_identification_number",
          "criminal_record",
          "criminal_convictions",
          "religion",
          "ethnicity",
          "ethnic_origin",
          "health_status",
          "disability",
          "trade_union",
          "sexual_orientation",
          "biometric_data");

  /** Names of financial data of a customer. */
  public static final List<String> FINANCIAL =
      List.of(
          "iban",
          "bban",
          "account_number",
          "card_number",
          "pan",
          "balance",
          "salary",
          "income",
          "net_worth",
          "credit_limit",
          "portfolio_value",
          "wealth",
          "assets_under_management");

  /** Names that contain a term above but are not about a person. */
  public static final List<String> NOT_PERSONAL =
      List.of(
          "ip_address",
          "mac_address",
          "server_address",
          "wallet_address",
          "contract_address",
          "address_type",
          "email_template",
          "phone_type",
          "email_subject",
          "email_message",
          "email_body",
          "web_address",
          "company_address",
          "email_domain",
          "support_email",
          "support_phone",
          "support_address",
          "balance_transaction");

  /**
   * Words of a property or schema name that make what it holds another party's, not the bank
   * customer's: a TPP advisor's details, a bank advisor, an employee, a broker.
   */
  public static final List<String> OTHER_PARTIES =
      List.of("advisor", "adviser", "employee", "staff", "broker", "intermediary", "tpp");

  /**
   * Nouns of an institution or an offer, not a person: a fund's, a bank's or a branch's name and
   * address are published in its directory, a product's in its catalogue.
   */
  public static final List<String> INSTITUTIONS =
      List.of(
          "fund",
          "funds",
          "bank",
          "banks",
          "branch",
          "branches",
          "institution",
          "institutions",
          "institute",
          "custodian",
          "issuer",
          "merchant",
          "atm",
          "atms",
          "product",
          "products");

  /**
   * The names of {@link #IDENTIFYING} (as words of a name: {@code phone} matches {@code
   * phoneNumber}) that an institution has too: where to find it and how to reach it. An account
   * number or an IBAN is a customer's whatever it is named after.
   */
  private static final List<String> CONTACT =
      List.of(
          "address",
          "street",
          "post_code",
          "postcode",
          "postal_code",
          "zip_code",
          "town_name",
          "email",
          "phone",
          "telephone");

  /**
   * Names of {@link #IDENTIFYING} only a person has: next to them an address is the person's,
   * whatever the schema is called.
   */
  private static final List<String> PERSON_ONLY =
      List.of(
          "first_name",
          "last_name",
          "given_name",
          "family_name",
          "surname",
          "sur_name",
          "birth_date",
          "date_of_birth",
          "birthdate",
          "nationality",
          "ssn",
          "passport");

  /**
   * Words that, right before "address", make it a machine's or a network's: remoteAddress,
   * start_address.
   */
  private static final Set<String> TECHNICAL_ADDRESS_WORDS =
      Set.of(
          "ip", "ipv4", "ipv6", "mac", "host", "node", "peer", "remote", "local", "gateway", "smtp",
          "base", "start", "end", "network", "memory");

  /**
   * Formats of values that are a machine's or a resource's, not a person's: an IP address, a URL, a
   * host name.
   */
  private static final Set<String> TECHNICAL_FORMATS =
      Set.of(
          "ip",
          "ipv4",
          "ipv6",
          "hostname",
          "idn-hostname",
          "uri",
          "url",
          "iri",
          "uri-reference",
          "iri-reference");

  /**
   * How many property names a large document has (Stripe: 2,400): the maps of answers by name are
   * made that large, since growing them while the rules run ran interpreted (1.5 ms of a cold
   * Stripe run); a small document's maps are a few kilobytes more.
   */
  private static final int NAMES_OF_A_LARGE_DOCUMENT = 2_048;

  private CustomerData() {}

  /**
   * An IP, MAC or other machine address ({@code IPv4Address}, {@code ip_address}, {@code
   * remoteAddress}), not a person's.
   */
  public static boolean isNetworkAddress(String name) {
    String compact = Words.compact(name);
    if (compact.contains("ipv4")
        || compact.contains("ipv6")
        || compact.contains("ipaddress")
        || compact.contains("macaddress")) {
      return true;
    }
    List<String> words = Words.split(name);
    for (int i = 1; i < words.size(); i++) {
      if (words.get(i).startsWith("address")
          && TECHNICAL_ADDRESS_WORDS.contains(words.get(i - 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the property can hold a person's value: a scalar ({@link FieldNames#holdsScalar})
   * that is not one of listed values (an enum or const is a setting or a code, such as {@code
   * address: [auto, never]}) and has no format of a machine's value (an IP address, a URL).
   */
  public static boolean holdsPersonalValue(ApiDocument document, NodeRef property) {
    if (!FieldNames.holdsScalar(document, property)) {
      return false;
    }
    NodeRef schema = document.deref(property);
    return schema == null
        || !schema.isObject()
        || (!Schemas.isEnumerated(schema) && !Schemas.formatIn(schema, TECHNICAL_FORMATS));
  }

  /**
   * True when a property or schema name says whose data it holds, and that is not the customer:
   * {@code tppAdvisorDetail}, {@code bankAdvisor}.
   */
  public static boolean ownedByAnotherParty(String name) {
    return name != null && Words.containsAny(name, OTHER_PARTIES);
  }

  /**
   * True when a path segment names institutions or products, not a customer's data, by its last
   * word: {@code pension-funds}, {@code bank-branches}, {@code card-products}.
   */
  public static boolean namesInstitution(String segment) {
    List<String> words = Words.split(segment);
    return !words.isEmpty() && INSTITUTIONS.contains(words.get(words.size() - 1));
  }

  /**
   * True when a contact property ({@code address}, {@code phone}: {@link #CONTACT}) is an
   * institution's, not a person's: its name puts an institution right before its last word ({@code
   * fundAddress}, {@code branch_address}), or the schema it is written in is called after an
   * institution ({@code PensionFund}, {@code BankBranch}) and no property beside it is a name or a
   * date only a person has ({@code birthDate}, {@code lastName}). Names only: the rules that ask do
   * not read prose.
   */
  public static boolean isInstitutions(String name, NodeRef property) {
    List<String> nameWords = Words.split(name);
    if (nameWords.isEmpty() || FieldNames.valueTerm(name, CONTACT) == null) {
      return false;
    }
    String word = nameWords.get(nameWords.size() - 1);
    if (precededByInstitution(nameWords, word)) {
      return true;
    }
    List<String> segments = property.segments();
    int size = segments.size();
    if (size < 3 || !segments.get(size - 2).equals("properties")) {
      return false;
    }
    if (!namesInstitution(segments.get(size - 3))) {
      return false;
    }
    // the names beside it, in the properties object its segments lead through: no pointer written
    // segment by segment and read again, no reference made for each sibling
    JsonNode siblings = Pointers.nodeAt(property.file().root(), segments, size - 1);
    if (siblings == null) {
      return false;
    }
    for (Iterator<String> names = siblings.fieldNames(); names.hasNext(); ) {
      if (FieldNames.valueTerm(names.next(), PERSON_ONLY) != null) {
        return false;
      }
    }
    return true;
  }

  /** Some occurrence of the word comes right after an institution: [fund, address]. */
  private static boolean precededByInstitution(List<String> words, String word) {
    for (int i = 1; i < words.size(); i++) {
      if (words.get(i).equals(word) && INSTITUTIONS.contains(words.get(i - 1))) {
        return true;
      }
    }
    return false;
  }

  /** True when the name holds one of the terms and is not one of {@link #NOT_PERSONAL}. */
  public static boolean matches(String name, List<String> terms) {
    if (isNetworkAddress(name)) {
      return false;
    }
    return FieldNames.valueTerm(name, terms) != null && !Words.containsAny(name, NOT_PERSONAL);
  }

  /**
   * Whether names {@link #matches} one list of terms, for one document: every schema with
   * properties is asked about, and the same names recur in them, and in the response schemas that
   * cache-control-missing searches with the same terms as data-classification-missing (Stripe: each
   * tested the same names on its own, 4-5 ms of a cold run). Concurrent: rules on several threads
   * ask at once; an answer is a pure function of the name.
   */
  public static final class Names {
    private final List<String> terms;

    /** Sized as {@link #PASSED_BY} is. */
    private final Map<String, Boolean> byName = new ConcurrentHashMap<>(NAMES_OF_A_LARGE_DOCUMENT);

    private Names(List<String> terms) {
      this.terms = terms;
    }

    /** Whether the name {@link #matches} the terms. */
    public boolean match(String name) {
      Boolean known = byName.get(name);
      if (known == null) {
        known = matches(name, terms);
        byName.put(name, known);
      }
      return known;
    }
  }

  /** The {@link Names} of each list of terms asked about, for the document. */
  private static final ApiDocument.Fact<Map<List<String>, Names>> NAMES =
      document -> new ConcurrentHashMap<>();

  /**
   * The document's answers for a list of terms, shared by every rule that asks with an equal list.
   */
  public static Names names(ApiDocument document, List<String> terms) {
    Map<List<String>, Names> byTerms = document.fact(NAMES);
    Names names = byTerms.get(terms);
    if (names == null) {
      // a copy: the caller's list may change later
      names = byTerms.computeIfAbsent(List.copyOf(terms), Names::new);
    }
    return names;
  }

  /**
   * The properties of an object schema (as written) whose names hold customer data, in order. Only
   * properties holding a value count: a nested object or list ({@code addressList}) is judged by
   * what it contains, where that is defined.
   */
  public static List<String> matchingProperties(
      ApiDocument document, NodeRef schema, List<String> terms) {
    return matchingProperties(document, schema, names(document, terms));
  }

  /**
   * {@link #matchingProperties(ApiDocument, NodeRef, List)} with the document's answers for the
   * terms taken already: a rule that asks of every schema takes them once.
   */
  public static List<String> matchingProperties(ApiDocument document, NodeRef schema, Names names) {
    NodeRef properties = Schemas.propertiesObject(schema);
    if (properties == null) {
      return List.of();
    }
    List<String> matches = new ArrayList<>();
    // the names first (the document's answers), and a ref only for a name that matches: every
    // schema with properties is asked, twice by data-classification-missing, and few names match
    for (Iterator<String> it = properties.node().fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (names.match(name)) {
        NodeRef property = properties.get(name);
        if (holdsPersonalValue(document, property) && !isInstitutions(name, property)) {
          matches.add(name);
        }
      }
    }
    return matches;
  }

  /**
   * The customer-data property names found in a schema and what it nests (references, composition,
   * items, properties), at most {@code maxDepth} property levels deep.
   */
  public static List<String> find(
      ApiDocument document, NodeRef schema, List<String> terms, int maxDepth) {
    return find(document, schema, name -> matches(name, terms), maxDepth);
  }

  /**
   * Like {@link #find(ApiDocument, NodeRef, List, int)}, with the test of a name given: a rule that
   * searches many schemas keeps a {@link Search} instead.
   */
  public static List<String> find(
      ApiDocument document, NodeRef schema, Predicate<String> customerName, int maxDepth) {
    return new Search(document, customerName).find(schema, maxDepth);
  }

  /**
   * Whether the search passes a property by: a hypermedia link or another party's data. Kept per
   * name for the document, since the same names recur in every schema a search reads (concurrent,
   * as {@link Names}).
   */
  private static final ApiDocument.Fact<Map<String, Boolean>> PASSED_BY =
      document -> new ConcurrentHashMap<>(NAMES_OF_A_LARGE_DOCUMENT);

  /**
   * The searches one rule makes in the schemas of one document ({@link #find}, at most {@code
   * maxDepth} property levels deep). What a schema holds for the search (the nested schemas it
   * follows, and which of their names are customer data) is worked out on the first search that
   * reads it and kept: on Stripe every response schema's search reaches the same few hundred
   * schemas, and tested each of their names on every visit. One rule's: not for several threads.
   */
  public static final class Search {
    private final ApiDocument document;
    private final SchemaGraph graph;
    private final Predicate<String> customerName;

    /** By schema number: the steps of the search from it, null until a search reads it. */
    private Steps[] stepsBySchema = new Steps[0];

    /** What the current search has read. */
    private final SchemaGraph.Reads reads;

    /**
     * The steps of the search from one schema, in order: each nested schema it follows, packed as
     * its number times two, plus one for a property (a level deeper), or -1 when the step reads no
     * schema; and each step's name when that is customer data, null when not ({@code customerNames}
     * itself null when none is). A step that reads nothing and names no customer data is left out.
     * Numbers in an array, not an object per step: a cold Stripe run takes 200,000 steps, most of
     * them in the interpreter or C1's first code.
     */
    private record Steps(int[] targets, String[] customerNames) {}

    private static final Steps NO_STEPS = new Steps(new int[0], null);

    public Search(ApiDocument document, Predicate<String> customerName) {
      this.document = document;
      this.graph = SchemaGraph.of(document);
      this.customerName = customerName;
      this.reads = new SchemaGraph.Reads(graph.size());
    }

    /**
     * The customer-data property names found in a schema and what it nests (references,
     * composition, items, properties), at most {@code maxDepth} property levels deep.
     */
    public List<String> find(NodeRef schema, int maxDepth) {
      List<String> found = new ArrayList<>();
      reads.clear();
      collect(graph.number(schema), maxDepth, found);
      return found;
    }

    private void collect(int schema, int depth, List<String> found) {
      if (schema == SchemaGraph.NONE || depth < 0 || !reads.first(schema, depth)) {
        return;
      }
      Steps steps = steps(schema);
      int[] targets = steps.targets();
      String[] names = steps.customerNames();
      for (int i = 0; i < targets.length; i++) {
        String name = names == null ? null : names[i];
        if (name != null && !found.contains(name)) {
          found.add(name);
        }
        int target = targets[i];
        if (target >= 0) {
          collect(target >> 1, depth - (target & 1), found);
        }
      }
    }

    private Steps steps(int schema) {
      if (schema >= stepsBySchema.length) {
        stepsBySchema =
            Arrays.copyOf(stepsBySchema, Math.max(schema + 1, 2 * stepsBySchema.length));
      }
      Steps known = stepsBySchema[schema];
      if (known != null) {
        return known;
      }
      Map<String, Boolean> passedBy = document.fact(PASSED_BY);
      List<SchemaGraph.Child> children = graph.children(schema);
      int[] targets = new int[children.size()];
      String[] names = null;
      int count = 0;
      for (SchemaGraph.Child child : children) {
        String name = child.name();
        if (name != null
            && passedBy.computeIfAbsent(
                name, key -> FieldNames.isHypermedia(key) || ownedByAnotherParty(key))) {
          continue;
        }
        boolean customer =
            name != null
                && customerName.test(name)
                && holdsPersonalValue(document, child.written())
                && !isInstitutions(name, child.written());
        // a schema that nests none (most properties' schemas) adds nothing to what a search finds,
        // read or not: the step to it is not taken
        int target = child.target();
        boolean leads = target != SchemaGraph.NONE && graph.mayNest(target);
        if (!leads && !customer) {
          continue;
        }
        if (customer) {
          if (names == null) {
            names = new String[targets.length];
          }
          names[count] = name;
        }
        targets[count++] = leads ? target * 2 + (name != null ? 1 : 0) : -1;
      }
      Steps computed =
          count == 0
              ? NO_STEPS
              : new Steps(
                  Arrays.copyOf(targets, count),
                  names == null ? null : Arrays.copyOf(names, count));
      stepsBySchema[schema] = computed;
      return computed;
    }
  }

  /** The identifying, the special-category and the financial names together. */
  public static List<String> allTerms() {
    List<String> all = new ArrayList<>(IDENTIFYING);
    all.addAll(SPECIAL_CATEGORY);
    all.addAll(FINANCIAL);
    return List.copyOf(all);
  }

  /** Up to three names, quoted, for a message. */
  public static String quote(List<String> names) {
    List<String> shown = names.subList(0, Math.min(3, names.size()));
    return "'"
        + String.join("', '", shown)
        + "'"
        + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
  }
}
