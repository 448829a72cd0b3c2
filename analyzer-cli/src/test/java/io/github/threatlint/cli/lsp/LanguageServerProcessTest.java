package io.github.threatlint.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code threatlint lsp} as an editor starts it: a process spoken to in JSON-RPC over its standard
 * input and output, with nothing but the protocol on its output.
 */
class LanguageServerProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;

  @Test
  void speaksTheProtocolOnStandardInputAndOutput() throws Exception {
    Path spec =
        Files.writeString(
            folder.resolve("spec.yaml"),
            """
        openapi: 3.0.3
        info:
          title: Accounts
          version: 1.0.0
        paths: {}
        components:
          securitySchemes:
            basicAuth:
              type: http
              scheme: basic
        """);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "lsp")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      OutputStream in = process.getOutputStream();
      InputStream out = process.getInputStream();
      send(
          in,
          request(
              1,
              "initialize",
              Map.of(
                  "processId",
                  ProcessHandle.current().pid(),
                  "rootUri",
                  folder.toUri().toString(),
                  "capabilities",
                  Map.of())));
      assertThat(
              responseTo(out, 1)
                  .path("result")
                  .path("capabilities")
                  .path("hoverProvider")
                  .asBoolean())
          .isTrue();
      send(in, notification("initialized", Map.of()));
      send(
          in,
          notification(
              "textDocument/didOpen",
              Map.of(
                  "textDocument",
                  Map.of(
                      "uri",
                      spec.toUri().toString(),
                      "languageId",
                      "yaml",
                      "version",
                      1,
                      "text",
                      Files.readString(spec)))));
      JsonNode diagnostics = null;
      while (diagnostics == null) {
        JsonNode message = read(out);
        if (message.path("method").asText().equals("textDocument/publishDiagnostics")
            && message.path("params").path("uri").asText().equals(spec.toUri().toString())) {
          diagnostics = message.path("params").path("diagnostics");
        }
      }
      assertThat(diagnostics.findValuesAsText("code")).contains("http-basic-auth");
      send(in, request(2, "shutdown", null));
      assertThat(responseTo(out, 2).has("error")).isFalse();
      send(in, notification("exit", null));
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
    } finally {
      process.destroyForcibly();
    }
  }

  private static ObjectNode request(int id, String method, Object params) {
    return notification(method, params).put("id", id);
  }

  private static ObjectNode notification(String method, Object params) {
    ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
    if (params != null) {
      message.set("params", JSON.valueToTree(params));
    }
    return message;
  }

  private static void send(OutputStream in, JsonNode message) throws IOException {
    byte[] body = JSON.writeValueAsBytes(message);
    in.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    in.write(body);
    in.flush();
  }

  /** Reads messages until the response to request {@code id} (the server may notify in between). */
  private static JsonNode responseTo(InputStream out, int id) throws IOException {
    while (true) {
      JsonNode message = read(out);
      if (message.path("id").asInt(-1) == id && !message.has("method")) {
        return message;
      }
    }
  }

  /**
   * One message: headers, a blank line, then Content-Length bytes of JSON; anything else on stdout
   * fails here.
   */
  private static JsonNode read(InputStream out) throws IOException {
    int length = -1;
    for (String header : headers(out)) {
      if (header.startsWith("Content-Length:")) {
        length = Integer.parseInt(header.substring("Content-Length:".length()).trim());
      }
    }
    assertThat(length).as("Content-Length header").isPositive();
    byte[] body = out.readNBytes(length);
    assertThat(body).hasSize(length);
    return JSON.readTree(body);
  }

  private static List<String> headers(InputStream out) throws IOException {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    while (true) {
      int b = out.read();
      assertThat(b).as("the server closed its output").isNotNegative();
      header.write(b);
      String text = header.toString(StandardCharsets.US_ASCII);
      if (text.endsWith("\r\n\r\n")) {
        return List.of(text.strip().split("\r\n"));
      }
    }
  }
}
