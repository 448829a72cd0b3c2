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
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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

  /** Fetches nothing: every remote reference is refused. */
  public static final RemoteFiles OFF =
      new RemoteFiles(
          false,
          Set.of(),
          SourceReader.DEFAULT_MAX_BYTES,
          Duration.ofSeconds(10),
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

  /**
   * Ends fetches at their deadline; its one thread starts with the first fetch and never keeps the
   * JVM alive.
   */
  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "threatlint-fetch-deadline");
            thread.setDaemon(true);
            return thread;
          });

  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d\\.\\d (\\d{3})(?: .*)?");

  private final boolean enabled;
  private final Set<String> hosts;
  private final long maxBytes;
  private final Duration timeout;
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
      long maxBytes,
      Duration timeout,
      Predicate<InetAddress> addressAllowed,
      Resolver resolver,
      SSLSocketFactory tls) {
    this.enabled = enabled;
    this.hosts = new TreeSet<>();
    for (String host : hosts) {
      this.hosts.add(host.trim().toLowerCase(Locale.ROOT));
    }
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.addressAllowed = addressAllowed;
    this.resolver = resolver;
    this.tls = tls;
  }

  /**
   * Fetches references to these hosts (exact names, or {@code *.example.com} for its subdomains),
   * each within {@code timeout} and {@code maxBytes}.
   */
  public static RemoteFiles allow(Collection<String> hosts, long maxBytes, Duration timeout) {
    return new RemoteFiles(
        true, hosts, maxBytes, timeout, RemoteFiles::isPublic, InetAddress::getAllByName, null);
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
        return Decision.refused(
            "the host '"
                + host
                + "' resolves to "
                + address.getHostAddress()
                + ", a loopback, link-local or private address: such addresses are never fetched");
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
  SourceFile fetch(URI url, List<InetAddress> addresses) throws SourceException {
    String name = url.toString();
    boolean https = "https".equalsIgnoreCase(url.getScheme());
    int port = url.getPort() >= 0 ? url.getPort() : https ? 443 : 80;
    long deadline = System.nanoTime() + timeout.toNanos();
    AtomicBoolean expired = new AtomicBoolean();
    try (Socket socket = connect(addresses, port, deadline)) {
      // closing the socket at the deadline ends whatever waits on it: a slow handshake, header or
      // body
      Future<?> watchdog =
          DEADLINES.schedule(
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
            name, 0, 0, "no complete answer within " + timeout.toMillis() + " ms");
      }
      throw new SourceException(name, 0, 0, "cannot fetch: " + e.getMessage());
    }
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
    Matcher status = STATUS_LINE.matcher(head.get(0));
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

  /**
   * True for addresses on the public internet; false for loopback, link-local, private and other
   * special ranges.
   */
  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    int first = bytes[0] & 0xFF;
    int second = bytes[1] & 0xFF;
    if (address instanceof Inet4Address) {
      return first != 0 // "this network"
          && !(first == 100 && (second & 0xC0) == 64) // shared address space 100.64.0.0/10
          && !(first == 192
              && second == 0
              && bytes[2] == 0) // IETF protocol assignments 192.0.0.0/24
          && !(first == 198 && (second & 0xFE) == 18) // benchmarking 198.18.0.0/15
          && first < 240; // reserved and broadcast
    }
    if ((first & 0xFE) == 0xFC) {
      return false; // unique local fc00::/7
    }
    boolean embedsIpv4 =
        first == 0x00
                && second == 0x64
                && (bytes[2] & 0xFF) == 0xFF
                && (bytes[3] & 0xFF) == 0x9B // 64:ff9b::/96
            || first == 0x20 && second == 0x02; // 6to4 2002::/16
    if (embedsIpv4) {
      int offset = first == 0x20 ? 2 : 12;
      try {
        return isPublic(
            InetAddress.getByAddress(
                new byte[] {
                  bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]
                }));
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return true;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing is all the deadline asks; a failure to close leaves nothing to do
    }
  }
}
