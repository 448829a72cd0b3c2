package io.github.threatlint.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import com.sun.net.httpserver.HttpServer;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remote references against a server on the loopback interface: by default, and for loopback
 * addresses even when allowed, it receives nothing. The fetch itself is tested with a policy that
 * lets loopback through, which only tests can build.
 */
class RemoteFilesTest {
  private HttpServer server;
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
  private FileSystem fs;
  private ParsedFile root;
  private String base;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          connections.incrementAndGet();
          hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
          String path = exchange.getRequestURI().getPath();
          requests.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
          byte[] body;
          int status = 200;
          switch (path) {
            case "/schemas/money.yaml" ->
                body =
                    "Money:\n  type: object\n  properties:\n    currency: {$ref: 'currency.yaml#/Currency'}\n"
                        .getBytes(StandardCharsets.UTF_8);
            case "/schemas/currency.yaml" ->
                body =
                    "Currency: {type: string, pattern: '^[A-Z]{3}$'}\n"
                        .getBytes(StandardCharsets.UTF_8);
            case "/redirect.yaml" -> {
              exchange.getResponseHeaders().add("Location", "/schemas/money.yaml");
              status = 302;
              body = new byte[0];
            }
            case "/huge.yaml" ->
                body = ("x: '" + "a".repeat(4096) + "'\n").getBytes(StandardCharsets.UTF_8);
            case "/slow.yaml" -> {
              sleep(3000);
              body = "x: 1\n".getBytes(StandardCharsets.UTF_8);
            }
            case "/trickle.yaml" -> {
              // one byte at a time, each well within a read timeout: only a deadline for the whole
              // answer ends it
              exchange.sendResponseHeaders(200, 40);
              try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 40; i++) {
                  out.write('#');
                  out.flush();
                  sleep(100);
                }
              } catch (IOException e) {
                // the client gave up
              }
              return;
            }
            default -> {
              status = 404;
              body = new byte[0];
            }
          }
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    fs = Jimfs.newFileSystem(Configuration.unix());
    Path file = fs.getPath("/project/api.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n");
    root =
        TreeParser.parse(new SourceReader(SourceReader.DEFAULT_MAX_BYTES).read(file, "api.yaml"));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterEach
  void stop() throws IOException {
    server.stop(0);
    fs.close();
  }

  private ExternalFiles loader(RemoteFiles remote) throws IOException {
    return new SpecFiles(
            fs.getPath("/project"), fs.getPath("/project"), SourceReader.DEFAULT_MAX_BYTES, remote)
        .forDocument(root);
  }

  /** A policy that fetches from the test server: the address check lets loopback through. */
  private RemoteFiles loopbackAllowed(long maxBytes, Duration timeout) {
    return loopbackAllowed(maxBytes, timeout, RemoteFiles.DEFAULT_BUDGET);
  }

  private RemoteFiles loopbackAllowed(long maxBytes, Duration timeout, Duration budget) {
    return new RemoteFiles(
        true,
        List.of("127.0.0.1"),
        Set.of(server.getAddress().getPort()),
        maxBytes,
        timeout,
        budget,
        address -> true,
        InetAddress::getAllByName,
        null);
  }

  @Test
  void byDefaultNothingIsFetched() throws Exception {
    ExternalFiles.Loaded loaded = loader(RemoteFiles.OFF).load(root, base + "/schemas/money.yaml");

    assertThat(loaded.file()).isNull();
    assertThat(loaded.remote()).isTrue();
    assertThat(loaded.problem()).contains("--allow-remote-refs");
    assertThat(connections).hasValue(0);
  }

  @Test
  void loopbackAndPrivateAddressesAreNeverFetchedEvenWhenTheHostIsAllowed() throws Exception {
    RemoteFiles remote =
        RemoteFiles.allow(
            List.of("127.0.0.1", "localhost"),
            Set.of(server.getAddress().getPort()),
            SourceReader.DEFAULT_MAX_BYTES,
            Duration.ofSeconds(2),
            RemoteFiles.DEFAULT_BUDGET);
    ExternalFiles loader = loader(remote);

    ExternalFiles.Loaded byAddress = loader.load(root, base + "/schemas/money.yaml");
    ExternalFiles.Loaded byName =
        loader.load(
            root, "http://localhost:" + server.getAddress().getPort() + "/schemas/money.yaml");

    assertThat(byAddress.problem()).contains("127.0.0.0/8 (loopback)");
    assertThat(byName.problem()).contains("special-purpose addresses are never fetched");
    assertThat(byAddress.remote()).isTrue();
    assertThat(connections).hasValue(0);
  }

  @Test
  void hostsOutsideTheAllowListAreRefused() throws Exception {
    RemoteFiles remote =
        RemoteFiles.allow(
            List.of("schemas.example.com"),
            Set.of(server.getAddress().getPort()),
            SourceReader.DEFAULT_MAX_BYTES,
            Duration.ofSeconds(2),
            RemoteFiles.DEFAULT_BUDGET);

    ExternalFiles.Loaded loaded = loader(remote).load(root, base + "/schemas/money.yaml");

    assertThat(loaded.problem()).contains("not in the allowed remote hosts");
    assertThat(connections).hasValue(0);
  }

  @Test
  void anAllowedFileIsFetchedOnceAndItsRelativeReferencesFollowItsUrl() throws Exception {
    ExternalFiles loader =
        loader(loopbackAllowed(SourceReader.DEFAULT_MAX_BYTES, Duration.ofSeconds(2)));

    ExternalFiles.Loaded money = loader.load(root, base + "/schemas/money.yaml");
    ExternalFiles.Loaded again = loader.load(root, base + "/schemas/../schemas/money.yaml");
    ExternalFiles.Loaded currency = loader.load(money.file(), "currency.yaml");

    assertThat(money.problem()).isNull();
    assertThat(money.file().displayPath()).isEqualTo(base + "/schemas/money.yaml");
    assertThat(again.file()).isSameAs(money.file());
    assertThat(currency.file().root().has("Currency")).isTrue();
    assertThat(requests.get("/schemas/money.yaml")).hasValue(1);
    assertThat(requests.get("/schemas/currency.yaml")).hasValue(1);
    // a remote file cannot reach local files
    assertThat(loader.load(money.file(), "file:///project/api.yaml").problem())
        .contains("only relative and http(s)");
  }

  @Test
  void theConnectionGoesToTheAddressThatWasCheckedNotToASecondLookup() throws Exception {
    // a name server that answers the check with an allowed address and any later lookup with
    // another (DNS rebinding)
    AtomicInteger lookups = new AtomicInteger();
    InetAddress checked = InetAddress.getLoopbackAddress();
    InetAddress rebound = InetAddress.getByAddress(new byte[] {10, 0, 0, 1});
    RemoteFiles.Resolver rebinding =
        host -> new InetAddress[] {lookups.getAndIncrement() == 0 ? checked : rebound};
    // the test's stand-in for "public": the loopback address the server listens on, nothing else
    RemoteFiles remote =
        new RemoteFiles(
            true,
            List.of("schemas.test"),
            Set.of(server.getAddress().getPort()),
            SourceReader.DEFAULT_MAX_BYTES,
            Duration.ofSeconds(2),
            RemoteFiles.DEFAULT_BUDGET,
            checked::equals,
            rebinding,
            null);
    int port = server.getAddress().getPort();

    ExternalFiles.Loaded money =
        loader(remote).load(root, "http://schemas.test:" + port + "/schemas/money.yaml");

    assertThat(money.problem()).isNull();
    assertThat(money.file().root().has("Money")).isTrue();
    assertThat(lookups).hasValue(1);
    assertThat(hostHeaders).containsExactly("schemas.test:" + port);
  }

  @Test
  void redirectsAreNotFollowed() throws Exception {
    ExternalFiles.Loaded loaded =
        loader(loopbackAllowed(SourceReader.DEFAULT_MAX_BYTES, Duration.ofSeconds(2)))
            .load(root, base + "/redirect.yaml");

    assertThat(loaded.problem()).contains("redirect (HTTP 302)").contains("not followed");
    assertThat(loaded.remote()).isFalse();
    assertThat(requests).doesNotContainKey("/schemas/money.yaml");
  }

  @Test
  void largeAndSlowAnswersAreCutOff() throws Exception {
    ExternalFiles loader = loader(loopbackAllowed(1024, Duration.ofMillis(500)));

    long start = System.nanoTime();
    ExternalFiles.Loaded huge = loader.load(root, base + "/huge.yaml");
    ExternalFiles.Loaded slow = loader.load(root, base + "/slow.yaml");
    ExternalFiles.Loaded trickle = loader.load(root, base + "/trickle.yaml");

    assertThat(huge.problem()).contains("more than the limit of 1024");
    assertThat(slow.problem()).contains("within 500 ms");
    assertThat(trickle.problem()).contains("within 500 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3000));
  }

  @Test
  void onlyPublicAddressesCount() throws Exception {
    for (String address :
        List.of(
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "fe80::1",
            "fc00::1",
            "fd12:3456::1",
            "::ffff:127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:c0a8:0101::1",
            "192.0.2.1",
            "198.51.100.7",
            "203.0.113.200",
            "198.19.255.1",
            "192.0.0.8",
            "192.88.99.1",
            "240.1.2.3",
            "239.255.255.250",
            "::",
            "::7f00:1",
            "::ffff:0:a00:1",
            "64:ff9b:1::a00:1",
            "100::1",
            "2001::5efe:c0a8:101",
            "2001:2::1",
            "2001:db8::1",
            "3fff::1",
            "fec0::1",
            "ff02::1",
            "2002:7f00:1::")) {
      assertThat(RemoteFiles.isPublic(InetAddress.getByName(address))).as(address).isFalse();
    }
    for (String address :
        List.of(
            "93.184.216.34",
            "8.8.8.8",
            "2606:2800:220:1:248:1893:25c8:1946",
            "64:ff9b::808:808",
            "2002:808:808::1")) {
      assertThat(RemoteFiles.isPublic(InetAddress.getByName(address))).as(address).isTrue();
    }
    // IPv4-mapped, as a resolver may hand it over without turning it into IPv4
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xFF;
    mapped[11] = (byte) 0xFF;
    mapped[12] = 8;
    assertThat(RemoteFiles.specialPurpose(mapped)).isEqualTo("::ffff:0:0/96 (IPv4-mapped)");
    assertThat(RemoteFiles.specialPurpose(InetAddress.getByName("192.0.2.1").getAddress()))
        .isEqualTo("192.0.2.0/24 (documentation)");
  }

  @Test
  void everyAddressAHostResolvesToIsChecked() throws Exception {
    RemoteFiles remote =
        new RemoteFiles(
            true,
            List.of("schemas.test"),
            RemoteFiles.DEFAULT_PORTS,
            SourceReader.DEFAULT_MAX_BYTES,
            Duration.ofSeconds(2),
            RemoteFiles.DEFAULT_BUDGET,
            RemoteFiles::isPublic,
            host ->
                new InetAddress[] {
                  InetAddress.getByName("93.184.216.34"), InetAddress.getByName("198.18.0.1")
                },
            null);
    RemoteFiles.Decision decision = remote.decide(java.net.URI.create("https://schemas.test/a"));
    assertThat(decision.refusal())
        .isEqualTo(
            "the host 'schemas.test' resolves to 198.18.0.1, in 198.18.0.0/15 (benchmarking): "
                + "loopback, link-local, private and other special-purpose addresses are never"
                + " fetched");
  }

  @Test
  void onlyTheWebPortsUnlessOthersAreAllowed() throws Exception {
    RemoteFiles remote =
        RemoteFiles.allow(
            List.of("schemas.test"),
            RemoteFiles.DEFAULT_PORTS,
            SourceReader.DEFAULT_MAX_BYTES,
            Duration.ofSeconds(2),
            RemoteFiles.DEFAULT_BUDGET);
    assertThat(remote.decide(java.net.URI.create("http://schemas.test:6379/a")).refusal())
        .isEqualTo(
            "'http://schemas.test:6379/a' names the port 6379; only the ports [80, 443] are fetched"
                + " from (allow others with --remote-port)");
    assertThat(remote.decide(java.net.URI.create("https://schemas.test:443/a")).refusal())
        .doesNotContain("port");
  }

  @Test
  void dotSegmentsAreRemovedBeforeTheUrlIsUsed() throws Exception {
    for (String[] pair :
        new String[][] {
          {"http://h/a/../../b.yaml", "http://h/b.yaml"},
          {"http://h/a/%2e%2e/%2E%2e/b.yaml?x=1", "http://h/b.yaml?x=1"},
          {"http://h/a/./b/.", "http://h/a/b/"},
          {"http://h:8080/a/b/..", "http://h:8080/a/"}
        }) {
      assertThat(RemoteFiles.withoutDotSegments(java.net.URI.create(pair[0]))).hasToString(pair[1]);
    }
  }

  @Test
  void allFetchesOfARunShareOneTimeBudget() throws Exception {
    // each of three slow answers would take 3 s (9 s in all); the run's budget of 1 s ends them all
    ExternalFiles loader =
        loader(
            loopbackAllowed(
                SourceReader.DEFAULT_MAX_BYTES, Duration.ofSeconds(10), Duration.ofSeconds(1)));
    long start = System.nanoTime();
    List<String> problems = new java.util.ArrayList<>();
    for (String query : List.of("?1", "?2", "?3")) {
      problems.add(loader.load(root, base + "/slow.yaml" + query).problem());
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(5000));
    assertThat(problems)
        .allMatch(problem -> problem.contains("the time budget of 1 s for all remote fetches"));
  }
}
