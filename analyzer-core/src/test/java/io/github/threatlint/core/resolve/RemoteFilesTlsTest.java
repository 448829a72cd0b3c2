package io.github.threatlint.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https while connecting to the checked address: the TLS layer still names the host (SNI), the
 * certificate must match the host name, and the Host header carries it. The server listens on the
 * loopback interface with a certificate for {@code schemas.test} that keytool makes for the test;
 * the names are resolved by the test, never by a name server.
 */
class RemoteFilesTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final List<String> serverNames = new CopyOnWriteArrayList<>();
  private static final List<String> hostHeaders = new CopyOnWriteArrayList<>();

  @TempDir static Path dir;

  private static HttpsServer server;
  private static SSLSocketFactory trustingTheTestCertificate;

  @BeforeAll
  static void start() throws Exception {
    Path keyStoreFile = dir.resolve("schemas-test.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "schemas",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=schemas.test",
                "-ext",
                "SAN=dns:schemas.test",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStoreFile.toString(),
                "-storepass",
                new String(PASSWORD),
                "-keypass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    String keytoolOutput =
        new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(keytoolOutput).isZero();
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStoreFile)) {
      keyStore.load(in, PASSWORD);
    }

    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, PASSWORD);
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(keys.getKeyManagers(), null, null);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);
    SSLContext clientContext = SSLContext.getInstance("TLS");
    clientContext.init(null, trust.getTrustManagers(), null);
    trustingTheTestCertificate = clientContext.getSocketFactory();

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
    server.createContext(
        "/",
        exchange -> {
          for (SNIServerName name :
              ((ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession())
                  .getRequestedServerNames()) {
            serverNames.add(((SNIHostName) name).getAsciiName());
          }
          hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
          byte[] body = "Money: {type: object}\n".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @BeforeEach
  void forget() {
    serverNames.clear();
    hostHeaders.clear();
  }

  /**
   * Fetches {@code https://HOST:port/money.yaml} with HOST resolved to the loopback address the
   * server listens on.
   */
  private static SourceFile fetch(String host, SSLSocketFactory tls) throws SourceException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    RemoteFiles remote =
        new RemoteFiles(
            true,
            List.of(host),
            java.util.Set.of(server.getAddress().getPort()),
            SourceReader.DEFAULT_MAX_BYTES,
            Duration.ofSeconds(5),
            RemoteFiles.DEFAULT_BUDGET,
            loopback::equals,
            name -> new InetAddress[] {loopback},
            tls);
    URI url = URI.create("https://" + host + ":" + server.getAddress().getPort() + "/money.yaml");
    RemoteFiles.Decision decision = remote.decide(url);
    assertThat(decision.refusal()).isNull();
    assertThat(decision.addresses()).containsExactly(loopback);
    return remote.fetch(url, decision.addresses(), remote.newBudget());
  }

  @Test
  void theHostIsNamedInSniAndTheHostHeaderWhileTheCheckedAddressIsConnected() throws Exception {
    SourceFile file = fetch("schemas.test", trustingTheTestCertificate);

    assertThat(file.text()).isEqualTo("Money: {type: object}\n");
    assertThat(serverNames).containsExactly("schemas.test");
    assertThat(hostHeaders).containsExactly("schemas.test:" + server.getAddress().getPort());
  }

  @Test
  void aCertificateForAnotherNameIsRefused() {
    assertThatThrownBy(() -> fetch("other.test", trustingTheTestCertificate))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("cannot fetch: ")
        .hasMessageContaining("other.test");
    assertThat(hostHeaders).isEmpty();
  }

  @Test
  void byDefaultOnlyCertificatesTheJdkTrustsAreAccepted() {
    assertThatThrownBy(() -> fetch("schemas.test", null))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("cannot fetch: ");
    assertThat(hostHeaders).isEmpty();
  }
}
