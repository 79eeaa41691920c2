package io.gaimace.server.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /healthz} (200 when every NATS connection is up, else 503) and {@code GET /metrics}
 * (Prometheus text) on the configured address (loopback by default; it has no authentication),
 * served by the JDK's HTTP server.
 */
public final class HttpEndpoint implements AutoCloseable {
  private final HttpServer server;

  public HttpEndpoint(String host, int port, Metrics metrics, BooleanSupplier healthy)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext(
        "/healthz",
        ex -> {
          boolean ok = healthy.getAsBoolean();
          reply(ex, ok ? 200 : 503, ok ? "ok\n" : "unavailable\n", "text/plain");
        });
    server.createContext(
        "/metrics",
        ex -> reply(ex, 200, metrics.scrape(), "text/plain; version=0.0.4; charset=utf-8"));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void reply(HttpExchange ex, int status, String body, String type)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
