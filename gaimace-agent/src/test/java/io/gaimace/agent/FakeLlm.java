package io.gaimace.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small OpenAI-compatible chat-completions server for tests: {@code POST /v1/chat/completions}
 * with {@code "stream": true} answers with server-sent events, one {@code data:} chunk per token,
 * then {@code data: [DONE]}. What it does is set per test: fixed tokens, tokens released one by one
 * by the test ({@link #gated()}), an HTTP error, or silence.
 */
final class FakeLlm implements AutoCloseable {
  enum Mode {
    TOKENS,
    GATED,
    ERROR_500,
    SILENT
  }

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> gate = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> silence = new LinkedBlockingQueue<>();
  private volatile Mode mode = Mode.TOKENS;
  private volatile List<String> tokens = List.of("Hello", ", ", "world", " 🌍", "!");

  FakeLlm() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  FakeLlm tokens(String... values) {
    tokens = List.of(values);
    mode = Mode.TOKENS;
    return this;
  }

  FakeLlm mode(Mode value) {
    mode = value;
    return this;
  }

  /** In GATED mode, sends this token now; {@code null} ends the answer. */
  void release(String token) {
    gate.add(token == null ? "\u0000done" : token);
  }

  List<JsonNode> requests() {
    return requests;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      JsonNode body = json.readTree(ex.getRequestBody());
      requests.add(body);
      switch (mode) {
        case ERROR_500 -> {
          byte[] err =
              "{\"error\":{\"message\":\"model exploded\"}}".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(500, err.length);
          ex.getResponseBody().write(err);
        }
        case SILENT -> {
          ex.getResponseHeaders().add("Content-Type", "text/event-stream");
          ex.sendResponseHeaders(200, 0);
          ex.getResponseBody().flush();
          silence.poll(30, TimeUnit.SECONDS); // says nothing until the client gives up
        }
        case TOKENS, GATED -> {
          ex.getResponseHeaders().add("Content-Type", "text/event-stream");
          ex.sendResponseHeaders(200, 0);
          OutputStream out = ex.getResponseBody();
          if (mode == Mode.TOKENS) {
            for (String t : tokens) {
              chunk(out, t);
            }
          } else {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
              String t = gate.poll(200, TimeUnit.MILLISECONDS);
              if (t == null) {
                // an SSE comment, as servers send to keep a slow stream alive
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                continue;
              }
              if (t.equals("\u0000done")) {
                break;
              }
              chunk(out, t);
            }
          }
          out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client went away (cancelled or timed out): fine
    }
  }

  private void chunk(OutputStream out, String token) throws IOException {
    var delta = json.createObjectNode();
    delta.putArray("choices").addObject().putObject("delta").put("content", token);
    out.write(
        ("data: " + json.writeValueAsString(delta) + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() {
    gate.add("\u0000done");
    silence.add("done");
    server.stop(0);
  }
}
