package io.gaimace.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the chat page from the class path and {@code GET /config.json} ({@code
 * {"nats_websocket_url": "ws://..."}}, the field absent when not configured). Static files only:
 * the page connects to NATS itself with the user's token, so this server needs no authentication
 * and never sees a token or a message. Uses the JDK's HTTP server.
 */
public final class WebServer implements AutoCloseable {
  static final String SITE = "/io/gaimace/web/site";
  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "json", "application/json",
          "webmanifest", "application/manifest+json");

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] config;

  private WebServer(HttpServer server, ExecutorService executor, byte[] config) {
    this.server = server;
    this.executor = executor;
    this.config = config;
  }

  /**
   * Starts serving on {@code config.host():config.port()}.
   *
   * @throws IllegalStateException when the page was not built into the class path
   * @throws IOException when the address cannot be bound
   */
  public static WebServer start(WebConfig config) throws IOException {
    if (WebServer.class.getResource(SITE + "/index.html") == null) {
      throw new IllegalStateException(
          "the web page is not in the class path: build gaimace-web with npm (see docs/web.md)");
    }
    Map<String, String> json = new LinkedHashMap<>();
    config.natsWebsocketUrl().ifPresent(u -> json.put("nats_websocket_url", u));
    byte[] body = new ObjectMapper().writeValueAsBytes(json);
    HttpServer http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
    ExecutorService executor = Executors.newFixedThreadPool(2, WebServer::daemon);
    WebServer web = new WebServer(http, executor, body);
    http.createContext("/", web::handle);
    http.setExecutor(executor);
    http.start();
    return web;
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "gaimace-web");
    t.setDaemon(true);
    return t;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://host:port/}, with the address actually bound. */
  public String url() {
    InetSocketAddress a = server.getAddress();
    return "http://" + a.getHostString() + ":" + a.getPort() + "/";
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        send(ex, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(UTF8));
        return;
      }
      String path = ex.getRequestURI().getPath();
      if (path.equals("/config.json")) {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, 200, "application/json", config);
        return;
      }
      byte[] file = path.equals("/") ? read("/index.html") : read(path);
      if (file == null) {
        send(ex, 404, "text/plain; charset=utf-8", "not found\n".getBytes(UTF8));
        return;
      }
      // Vite names built assets by content hash: they never change under the same name.
      ex.getResponseHeaders()
          .set("Cache-Control", path.startsWith("/assets/") ? "max-age=31536000" : "no-cache");
      send(ex, 200, type(path.equals("/") ? "index.html" : path), file);
    }
  }

  /** A file of the built page, or null; refuses anything that could leave the site folder. */
  private static byte[] read(String path) throws IOException {
    if (path.contains("..") || path.contains("//") || path.contains("\\")) {
      return null;
    }
    try (InputStream in = WebServer.class.getResourceAsStream(SITE + path)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  private static String type(String path) {
    String ext = path.substring(path.lastIndexOf('.') + 1);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    var h = ex.getResponseHeaders();
    h.set("Content-Type", type);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("X-Frame-Options", "DENY");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
