package io.github.threatlint.core.resolve;

import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The policy for {@code http:} and {@code https:} references, and the fetch when it allows one. Off
 * by default: nothing is fetched. When allowed, only hosts of the allow-list are fetched, only when
 * every address the host resolves to is public (never loopback, link-local, private or other
 * special-purpose ranges), without redirects, proxies, cookies or credentials, with a time limit
 * and a size limit.
 *
 * <p>The host is looked up once, and the connection goes to the addresses that were checked: a
 * second lookup, as an HTTP client makes when it connects, could be answered with another address
 * (DNS rebinding). That is why the request is written here on a socket: the JDK's HTTP clients take
 * a host name and look it up themselves. Over https the TLS layer still names the host (SNI) and
 * checks the certificate against it. The request is HTTP/1.0, so the answer is a plain body (never
 * chunked) that ends where the connection closes.
 */
public final class RemoteFiles {
  /** Looks a host up; tests answer without a name server. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** Whether a URL may be fetched: why not, or the checked addresses a fetch connects to. */
  record Decision(String refusal, List<InetAddress> addresses) {
    static Decision refused(String why) {
      return new Decision(why, List.of());
    }
  }

  /** The ports fetched from unless others are allowed: those of http and https. */
  public static final Set<Integer> DEFAULT_PORTS = Set.of(80, 443);

  /** The time of one fetch, from the connection to the end of the answer. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** The time all fetches of one run may take together. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);

  /** Fetches nothing: every remote reference is refused. */
  public static final RemoteFiles OFF =
      new RemoteFiles(
          false,
          Set.of(),
          DEFAULT_PORTS,
          SourceReader.DEFAULT_MAX_BYTES,
          DEFAULT_TIMEOUT,
          DEFAULT_BUDGET,
          RemoteFiles::isPublic,
          InetAddress::getAllByName,
          null);

  private static final String HOW_TO_ALLOW =
      "remote references are not fetched (allow them with --allow-remote-refs "
          + "and --remote-host HOST)";

  /**
   * Longer status lines and header fields than any file server sends; an endless header is cut off
   * here.
   */
  private static final int MAX_HEADER_BYTES = 64 * 1024;

  private final boolean enabled;
  private final Set<String> hosts;
  private final Set<Integer> ports;
  private final long maxBytes;
  private final Duration timeout;
  private final Duration budget;
  private final Predicate<InetAddress> addressAllowed;
  private final Resolver resolver;

  /**
   * The TLS sockets' factory: null for the JDK's default (its trust store); tests trust their own
   * certificate.
   */
  private final SSLSocketFactory tls;

  RemoteFiles(
      boolean enabled,
      Collection<String> hosts,
      Set<Integer> ports,
      long maxBytes,
      Duration timeout,
      Duration budget,
      Predicate<InetAddress> addressAllowed,
      Resolver resolver,
      SSLSocketFactory tls) {
    this.enabled = enabled;
    this.hosts = new TreeSet<>();
    for (String host : hosts) {
      this.hosts.add(host.trim().toLowerCase(Locale.ROOT));
    }
    this.ports = Set.copyOf(ports);
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.budget = budget;
    this.addressAllowed = addressAllowed;
    this.resolver = resolver;
    this.tls = tls;
  }

  /**
   * Fetches references to these hosts (exact names, or {@code *.example.com} for its subdomains) on
   * these ports, each within {@code timeout} and {@code maxBytes}, all of a run within {@code
   * budget}.
   */
  public static RemoteFiles allow(
      Collection<String> hosts,
      Set<Integer> ports,
      long maxBytes,
      Duration timeout,
      Duration budget) {
    return new RemoteFiles(
        true,
        hosts,
        ports,
        maxBytes,
        timeout,
        budget,
        RemoteFiles::isPublic,
        InetAddress::getAllByName,
        null);
  }

  /**
   * The time left to the fetches of one run: the clock starts with its first fetch, and ends for
   * all of them {@link #budget} later. Each run (each set of files read) has its own.
   */
  final class Budget {
    private long end;
    private boolean started;

    /** When a fetch that starts now must end, or a refusal once the budget is spent. */
    synchronized long deadline(String name) throws SourceException {
      long now = System.nanoTime();
      if (!started) {
        started = true;
        end = now + budget.toNanos();
      }
      if (end - now <= 0) {
        throw new SourceException(name, 0, 0, budgetSpent());
      }
      return end - now < timeout.toNanos() ? end : now + timeout.toNanos();
    }
  }

  Budget newBudget() {
    return new Budget();
  }

  private String budgetSpent() {
    return "the time budget of "
        + budget.toSeconds()
        + " s for all remote fetches of the run is spent; it was not fetched (raise it with"
        + " --remote-time-budget)";
  }

  /**
   * Whether {@code url} may be fetched (the policy, the host, its addresses) and, if so, from which
   * addresses.
   */
  Decision decide(URI url) {
    if (!enabled) {
      return Decision.refused(HOW_TO_ALLOW);
    }
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      return Decision.refused("'" + url + "' names no host");
    }
    host = host.toLowerCase(Locale.ROOT);
    if (url.getUserInfo() != null) {
      return Decision.refused("'" + url + "' carries credentials; they are never sent");
    }
    int port = port(url);
    if (!ports.contains(port)) {
      return Decision.refused(
          "'"
              + url
              + "' names the port "
              + port
              + "; only the ports "
              + new TreeSet<>(ports)
              + " are fetched from (allow others with --remote-port)");
    }
    if (!hostAllowed(host)) {
      return Decision.refused(
          "the host '"
              + host
              + "' is not in the allowed remote hosts ("
              + String.join(", ", hosts)
              + "; add it with --remote-host)");
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Decision.refused("the host '" + host + "' is unknown");
    }
    if (addresses.length == 0) {
      return Decision.refused("the host '" + host + "' is unknown");
    }
    for (InetAddress address : addresses) {
      if (!addressAllowed.test(address)) {
        String range = specialPurpose(address.getAddress());
        return Decision.refused(
            "the host '"
                + host
                + "' resolves to "
                + address.getHostAddress()
                + (range == null ? "" : ", in " + range)
                + ": loopback, link-local, private and other special-purpose addresses are never"
                + " fetched");
      }
    }
    return new Decision(null, List.of(addresses));
  }

  private boolean hostAllowed(String host) {
    for (String allowed : hosts) {
      if (allowed.equals(host) || allowed.startsWith("*.") && host.endsWith(allowed.substring(1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Fetches {@code url}, which {@link #decide(URI)} allowed, from the {@code addresses} it checked,
   * as the text of one file.
   */
  SourceFile fetch(URI url, List<InetAddress> addresses, Budget run) throws SourceException {
    String name = url.toString();
    boolean https = "https".equalsIgnoreCase(url.getScheme());
    int port = port(url);
    long start = System.nanoTime();
    long deadline = run.deadline(name);
    boolean budgetEnds = deadline - start < timeout.toNanos();
    AtomicBoolean expired = new AtomicBoolean();
    try (Socket socket = connect(addresses, port, deadline)) {
      // closing the socket at the deadline ends whatever waits on it: a slow handshake, header or
      // body
      Future<?> watchdog =
          Fetching.DEADLINES.schedule(
              () -> {
                expired.set(true);
                closeQuietly(socket);
              },
              remainingMillis(deadline),
              TimeUnit.MILLISECONDS);
      try {
        socket.setSoTimeout((int) timeout.toMillis());
        Socket channel = https ? secure(socket, url.getHost(), port) : socket;
        return exchange(channel, url, name);
      } finally {
        watchdog.cancel(false);
      }
    } catch (IOException e) {
      if (e instanceof InterruptedIOException || expired.get()) {
        throw new SourceException(
            name,
            0,
            0,
            budgetEnds ? budgetSpent() : "no complete answer within " + timeout.toMillis() + " ms");
      }
      throw new SourceException(name, 0, 0, "cannot fetch: " + e.getMessage());
    }
  }

  private static int port(URI url) {
    return url.getPort() >= 0
        ? url.getPort()
        : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }

  /**
   * The URL with its path's {@code .} and {@code ..} segments removed (RFC 3986, 5.2.4), also when
   * written {@code %2e}: the server is asked for the path the cache and the messages name, and no
   * {@code ..} is left for a server to interpret.
   */
  static URI withoutDotSegments(URI url) throws URISyntaxException {
    String path = url.getRawPath();
    if (url.getRawAuthority() == null || path == null || !path.startsWith("/")) {
      return url;
    }
    List<String> kept = new ArrayList<>();
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i].replaceAll("(?i)%2e", ".");
      boolean last = i == segments.length - 1;
      if (segment.equals(".") || segment.equals("..")) {
        if (segment.equals("..") && !kept.isEmpty()) {
          kept.remove(kept.size() - 1);
        }
        if (last) {
          kept.add("");
        }
      } else {
        kept.add(segments[i]);
      }
    }
    return new URI(
        url.getScheme()
            + "://"
            + url.getRawAuthority()
            + "/"
            + String.join("/", kept)
            + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
  }

  /** A connection to the first checked address that accepts one, never through a proxy. */
  private static Socket connect(List<InetAddress> addresses, int port, long deadline)
      throws IOException {
    IOException failure = new IOException("no address to connect to");
    for (InetAddress address : addresses) {
      Socket socket = new Socket(Proxy.NO_PROXY);
      try {
        socket.connect(new InetSocketAddress(address, port), remainingMillis(deadline));
        return socket;
      } catch (IOException e) {
        socket.close();
        failure = e;
      }
    }
    throw failure;
  }

  /**
   * TLS over the connected socket, for the host name: SNI names it and the certificate must match
   * it, not the address.
   */
  private SSLSocket secure(Socket socket, String host, int port) throws IOException {
    SSLSocketFactory factory = tls != null ? tls : (SSLSocketFactory) SSLSocketFactory.getDefault();
    String name =
        host.startsWith("[")
            ? host.substring(1, host.length() - 1)
            : host; // an IPv6 literal without brackets
    // the JDK sends the name as SNI when it is a host name (not an address literal)
    SSLSocket secured = (SSLSocket) factory.createSocket(socket, name, port, true);
    SSLParameters parameters = secured.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    secured.setSSLParameters(parameters);
    secured.startHandshake();
    return secured;
  }

  /**
   * Sends the request and reads the answer: the status, the header fields that matter, the body.
   */
  private SourceFile exchange(Socket channel, URI url, String name)
      throws IOException, SourceException {
    OutputStream out = channel.getOutputStream();
    out.write(request(url).getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = new BufferedInputStream(channel.getInputStream());
    List<String> head = readHead(in);
    Matcher status = Fetching.STATUS_LINE.matcher(head.get(0));
    if (!status.matches()) {
      throw new SourceException(name, 0, 0, "the server's answer is not HTTP");
    }
    int code = Integer.parseInt(status.group(1));
    Map<String, String> fields = new HashMap<>();
    for (String field : head.subList(1, head.size())) {
      int colon = field.indexOf(':');
      if (colon > 0) {
        fields.put(
            field.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            field.substring(colon + 1).trim());
      }
    }
    if (code >= 300 && code < 400) {
      throw new SourceException(
          name,
          0,
          0,
          "the server answered with a redirect (HTTP "
              + code
              + ") to '"
              + fields.get("location")
              + "'; redirects are not followed");
    }
    if (code != 200) {
      throw new SourceException(name, 0, 0, "the server answered HTTP " + code);
    }
    for (String encoding : new String[] {"transfer-encoding", "content-encoding"}) {
      String value = fields.get(encoding);
      if (value != null && !value.equalsIgnoreCase("identity")) {
        throw new SourceException(
            name,
            0,
            0,
            "the server sent the body with "
                + encoding
                + " '"
                + value
                + "'; only plain bodies are read");
      }
    }
    long length;
    try {
      length =
          fields.containsKey("content-length") ? Long.parseLong(fields.get("content-length")) : -1;
    } catch (NumberFormatException e) {
      throw new SourceException(
          name,
          0,
          0,
          "the server sent an invalid Content-Length '" + fields.get("content-length") + "'");
    }
    if (length > maxBytes) {
      throw new SourceException(
          name, 0, 0, "the file has " + length + " bytes, more than the limit of " + maxBytes);
    }
    // without a length the body ends where the connection closes: one byte past the limit is enough
    // to refuse it
    byte[] body =
        in.readNBytes((int) Math.min(length < 0 ? maxBytes + 1 : length, Integer.MAX_VALUE - 8));
    if (body.length < length) {
      throw new SourceException(
          name, 0, 0, "the answer ended after " + body.length + " of " + length + " bytes");
    }
    return new SourceReader(maxBytes).read(new ByteArrayInputStream(body), name);
  }

  /**
   * The request for {@code url}: its path and query (java.net.URI admits no space or line break in
   * them, so nothing can be slipped into the header), the host as the URL names it, no cookie, no
   * credentials.
   */
  private static String request(URI url) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
    String host = url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "");
    return "GET "
        + path
        + query
        + " HTTP/1.0\r\n"
        + "Host: "
        + host
        + "\r\n"
        + "Accept: application/yaml, application/json, text/yaml, text/plain, */*\r\n"
        + "Accept-Encoding: identity\r\n"
        + "User-Agent: threatlint\r\n"
        + "\r\n";
  }

  /** The status line and the header fields, up to the empty line that ends them. */
  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (int read = 0; read < MAX_HEADER_BYTES; read++) {
      int next = in.read();
      if (next < 0) {
        throw new EOFException("the connection closed before the end of the answer's header");
      }
      if (next != '\n') {
        line.append((char) next);
        continue;
      }
      int end =
          line.length() > 0 && line.charAt(line.length() - 1) == '\r'
              ? line.length() - 1
              : line.length();
      if (end == 0) {
        if (lines.isEmpty()) {
          throw new IOException("the answer starts with an empty line");
        }
        return lines;
      }
      lines.add(line.substring(0, end));
      line.setLength(0);
    }
    throw new IOException("the answer's header is longer than " + MAX_HEADER_BYTES + " bytes");
  }

  /** What is left of the time limit; a timeout once it is spent. */
  private static int remainingMillis(long deadline) throws SocketTimeoutException {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new SocketTimeoutException("the time limit is spent");
    }
    return (int) Math.min(left, Integer.MAX_VALUE);
  }

  /** A range of addresses: a prefix of {@code bits} bits, and what it is for. */
  private record Range(byte[] prefix, int bits, String notation, String purpose) {
    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private static Range range(String notation, String purpose) {
    int slash = notation.indexOf('/');
    try {
      // an address literal: no lookup takes place
      byte[] prefix = InetAddress.getByName(notation.substring(0, slash)).getAddress();
      if (notation.equals("::ffff:0:0/96")) {
        prefix = ipv4Mapped();
      }
      return new Range(prefix, Integer.parseInt(notation.substring(slash + 1)), notation, purpose);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(notation, e);
    }
  }

  /** ::ffff:0:0, which InetAddress would turn into the IPv4 address 0.0.0.0. */
  private static byte[] ipv4Mapped() {
    byte[] prefix = new byte[16];
    prefix[10] = (byte) 0xFF;
    prefix[11] = (byte) 0xFF;
    return prefix;
  }

  /**
   * True for addresses on the public internet; false for every special-purpose address, and for
   * NAT64 and 6to4 addresses whose embedded IPv4 address is one.
   */
  static boolean isPublic(InetAddress address) {
    return specialPurpose(address.getAddress()) == null;
  }

  /** The special-purpose range that holds the address, as "192.0.2.0/24 (documentation)". */
  static String specialPurpose(byte[] address) {
    for (Range range : SpecialPurpose.RANGES) {
      if (range.contains(address)) {
        return range.notation() + " (" + range.purpose() + ")";
      }
    }
    for (Range embedding : List.of(SpecialPurpose.NAT64, SpecialPurpose.SIX_TO_FOUR)) {
      if (embedding.contains(address)) {
        int offset = embedding == SpecialPurpose.NAT64 ? 12 : 2;
        String embedded = specialPurpose(Arrays.copyOfRange(address, offset, offset + 4));
        return embedded == null
            ? null
            : embedding.notation() + " (" + embedding.purpose() + ") embedding " + embedded;
      }
    }
    return null;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing is all the deadline asks; a failure to close leaves nothing to do
    }
  }

  /**
   * What only a fetch uses, made at the first fetch: a run with remote references off (the default)
   * creates neither.
   */
  private static final class Fetching {
    /**
     * Ends fetches at their deadline; its one thread starts with the first fetch and never keeps
     * the JVM alive.
     */
    static final ScheduledExecutorService DEADLINES =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "threatlint-fetch-deadline");
              thread.setDaemon(true);
              return thread;
            });

    static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d\\.\\d (\\d{3})(?: .*)?");
  }

  /**
   * The special-purpose ranges, read at the first address checked: a run with remote references off
   * checks none, and reading them initialises the JDK's network classes (its native library).
   */
  private static final class SpecialPurpose {
    /**
     * The IANA IPv4 and IPv6 special-purpose address registries (and multicast): none is fetched
     * from, whether or not the registry calls it globally reachable. NAT64 and 6to4 addresses embed
     * an IPv4 address, which is checked instead.
     */
    static final List<Range> RANGES =
        List.of(
            range("0.0.0.0/8", "this network"),
            range("10.0.0.0/8", "private"),
            range("100.64.0.0/10", "shared address space"),
            range("127.0.0.0/8", "loopback"),
            range("169.254.0.0/16", "link-local, where cloud metadata services listen"),
            range("172.16.0.0/12", "private"),
            range("192.0.0.0/24", "IETF protocol assignments"),
            range("192.0.2.0/24", "documentation"),
            range("192.31.196.0/24", "AS112"),
            range("192.52.193.0/24", "AMT"),
            range("192.88.99.0/24", "6to4 relay anycast"),
            range("192.168.0.0/16", "private"),
            range("192.175.48.0/24", "AS112"),
            range("198.18.0.0/15", "benchmarking"),
            range("198.51.100.0/24", "documentation"),
            range("203.0.113.0/24", "documentation"),
            range("224.0.0.0/4", "multicast"),
            range("240.0.0.0/4", "reserved, and broadcast"),
            range("::/96", "unspecified, loopback and IPv4-compatible"),
            range("::ffff:0:0/96", "IPv4-mapped"),
            range("::ffff:0:0:0/96", "IPv4-translated"),
            range("64:ff9b:1::/48", "local-use IPv4/IPv6 translation"),
            range("100::/63", "discard-only and dummy"),
            range("2001::/23", "IETF protocol assignments (Teredo, benchmarking, ORCHID, ...)"),
            range("2001:db8::/32", "documentation"),
            range("2620:4f:8000::/48", "AS112"),
            range("3fff::/20", "documentation"),
            range("5f00::/16", "segment routing"),
            range("fc00::/7", "unique local"),
            range("fe80::/10", "link-local"),
            range("fec0::/10", "site-local"),
            range("ff00::/8", "multicast"));

    static final Range NAT64 = range("64:ff9b::/96", "NAT64");
    static final Range SIX_TO_FOUR = range("2002::/16", "6to4");
  }
}
