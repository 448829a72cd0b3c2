package io.github.threatlint.core.resolve;

import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceFile;
import io.github.threatlint.core.source.SourceReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The policy for {@code http:} and {@code https:} references, and the fetch when it allows one.
 * Off by default: nothing is fetched. When allowed, only hosts of the allow-list are fetched, only
 * when every address the host resolves to is public (never loopback, link-local, private or other
 * special-purpose ranges), without redirects or proxies, with a time limit and a size limit.
 *
 * <p>The addresses are checked before connecting; the connection then looks the host up again
 * through the JVM's address cache (positive answers are kept for 30 s by default), so it reaches
 * the addresses that were checked.
 */
public final class RemoteFiles {
  /** Fetches nothing: every remote reference is refused. */
  public static final RemoteFiles OFF = new RemoteFiles(false, Set.of(), SourceReader.DEFAULT_MAX_BYTES,
      Duration.ofSeconds(10), RemoteFiles::isPublic);

  private static final String HOW_TO_ALLOW = "remote references are not fetched (allow them with --allow-remote-refs "
      + "and --remote-host HOST)";

  private final boolean enabled;
  private final Set<String> hosts;
  private final long maxBytes;
  private final Duration timeout;
  private final Predicate<InetAddress> addressAllowed;

  RemoteFiles(boolean enabled, Collection<String> hosts, long maxBytes, Duration timeout, Predicate<InetAddress> addressAllowed) {
    this.enabled = enabled;
    this.hosts = new TreeSet<>();
    for (String host : hosts) {
      this.hosts.add(host.trim().toLowerCase(Locale.ROOT));
    }
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.addressAllowed = addressAllowed;
  }

  /**
   * Fetches references to these hosts (exact names, or {@code *.example.com} for its subdomains),
   * each within {@code timeout} and {@code maxBytes}.
   */
  public static RemoteFiles allow(Collection<String> hosts, long maxBytes, Duration timeout) {
    return new RemoteFiles(true, hosts, maxBytes, timeout, RemoteFiles::isPublic);
  }

  /** Why {@code url} is not fetched (the policy, the host, its addresses), or null when it may be. */
  String refusal(URI url) {
    if (!enabled) {
      return HOW_TO_ALLOW;
    }
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      return "'" + url + "' names no host";
    }
    host = host.toLowerCase(Locale.ROOT);
    if (url.getUserInfo() != null) {
      return "'" + url + "' carries credentials; they are never sent";
    }
    if (!hostAllowed(host)) {
      return "the host '" + host + "' is not in the allowed remote hosts (" + String.join(", ", hosts) + "; add it with --remote-host)";
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return "the host '" + host + "' is unknown";
    }
    for (InetAddress address : addresses) {
      if (!addressAllowed.test(address)) {
        return "the host '" + host + "' resolves to " + address.getHostAddress()
            + ", a loopback, link-local or private address: such addresses are never fetched";
      }
    }
    return null;
  }

  private boolean hostAllowed(String host) {
    for (String allowed : hosts) {
      if (allowed.equals(host) || allowed.startsWith("*.") && host.endsWith(allowed.substring(1))) {
        return true;
      }
    }
    return false;
  }

  /** Fetches {@code url}, which {@link #refusal(URI)} allowed, as the text of one file. */
  SourceFile fetch(URI url) throws SourceException {
    String name = url.toString();
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) url.toURL().openConnection(Proxy.NO_PROXY);
      connection.setInstanceFollowRedirects(false);
      connection.setUseCaches(false);
      connection.setConnectTimeout((int) timeout.toMillis());
      connection.setReadTimeout((int) timeout.toMillis());
      connection.setRequestProperty("Accept", "application/yaml, application/json, text/yaml, text/plain, */*");
      int status = connection.getResponseCode();
      if (status >= 300 && status < 400) {
        throw new SourceException(name, 0, 0, "the server answered with a redirect (HTTP " + status + ") to '"
            + connection.getHeaderField("Location") + "'; redirects are not followed");
      }
      if (status != 200) {
        throw new SourceException(name, 0, 0, "the server answered HTTP " + status);
      }
      long length = connection.getContentLengthLong();
      if (length > maxBytes) {
        throw new SourceException(name, 0, 0, "the file has " + length + " bytes, more than the limit of " + maxBytes);
      }
      try (InputStream body = new DeadlineStream(connection.getInputStream(), deadline, timeout)) {
        return new SourceReader(maxBytes).read(body, name);
      }
    } catch (InterruptedIOException e) {
      throw new SourceException(name, 0, 0, "no complete answer within " + timeout.toMillis() + " ms");
    } catch (IOException | IllegalArgumentException e) {
      throw new SourceException(name, 0, 0, "cannot fetch: " + e.getMessage());
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  /** True for addresses on the public internet; false for loopback, link-local, private and other special ranges. */
  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    int first = bytes[0] & 0xFF;
    int second = bytes[1] & 0xFF;
    if (address instanceof Inet4Address) {
      return first != 0 // "this network"
          && !(first == 100 && (second & 0xC0) == 64) // shared address space 100.64.0.0/10
          && !(first == 192 && second == 0 && bytes[2] == 0) // IETF protocol assignments 192.0.0.0/24
          && !(first == 198 && (second & 0xFE) == 18) // benchmarking 198.18.0.0/15
          && first < 240; // reserved and broadcast
    }
    if ((first & 0xFE) == 0xFC) {
      return false; // unique local fc00::/7
    }
    boolean embedsIpv4 = first == 0x00 && second == 0x64 && (bytes[2] & 0xFF) == 0xFF && (bytes[3] & 0xFF) == 0x9B // 64:ff9b::/96
        || first == 0x20 && second == 0x02; // 6to4 2002::/16
    if (embedsIpv4) {
      int offset = first == 0x20 ? 2 : 12;
      try {
        return isPublic(InetAddress.getByAddress(new byte[] {bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]}));
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return true;
  }

  /** Ends a slow download: every read after the deadline fails. */
  private static final class DeadlineStream extends FilterInputStream {
    private final long deadline;
    private final Duration timeout;

    DeadlineStream(InputStream in, long deadline, Duration timeout) {
      super(in);
      this.deadline = deadline;
      this.timeout = timeout;
    }

    private void check() throws InterruptedIOException {
      if (System.nanoTime() > deadline) {
        throw new InterruptedIOException("no complete answer within " + timeout.toMillis() + " ms");
      }
    }

    @Override
    public int read() throws IOException {
      check();
      return super.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      check();
      return super.read(buffer, offset, length);
    }
  }
}
