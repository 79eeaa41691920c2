package io.gaimace.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code web.*} keys of {@code gaimace.properties} (environment variables win, as for every
 * key: {@code web.port} is overridden by {@code GAIMACE_WEB_PORT}).
 *
 * @param host address the page is served on (127.0.0.1 by default)
 * @param port port the page is served on; 0 picks a free one, -1 (the default when the key is
 *     absent) serves no page
 * @param natsWebsocketUrl the NATS WebSocket URL browsers connect to, such as {@code
 *     ws://127.0.0.1:9222} or {@code wss://chat.example.org:443}; when empty, the page uses port
 *     9222 of the host it was loaded from
 */
public record WebConfig(String host, int port, Optional<String> natsWebsocketUrl) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 9080;

  public WebConfig {
    if (port < -1 || port > 65535) {
      throw new IllegalArgumentException(
          "web.port must be -1 (off), 0 (any) or a port, not " + port);
    }
    natsWebsocketUrl.ifPresent(WebConfig::checkWebsocketUrl);
  }

  /** True when a page is to be served. */
  public boolean enabled() {
    return port >= 0;
  }

  /** Reads the file (if it exists) with the process environment on top. */
  public static WebConfig load(Path file) throws IOException {
    return load(file, System.getenv());
  }

  public static WebConfig load(Path file, Map<String, String> env) throws IOException {
    Properties p = new Properties();
    if (file != null && Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file)) {
        p.load(r);
      }
    }
    String host = get(p, env, "web.host");
    String port = get(p, env, "web.port");
    String url = get(p, env, "web.nats-websocket-url");
    int portNumber;
    try {
      portNumber = port == null || port.isBlank() ? -1 : Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("configuration key 'web.port' must be a number", e);
    }
    return new WebConfig(
        host == null || host.isBlank() ? DEFAULT_HOST : host.trim(),
        portNumber,
        url == null || url.isBlank() ? Optional.empty() : Optional.of(url.trim()));
  }

  /** The lines {@code gaimace init} appends to a new configuration. */
  public static String initialProperties(int natsWebsocketPort) {
    return """
        # The web client (docs/web.md): the chat page on http://web.host:web.port/ (-1: off),
        # connecting browsers to NATS's WebSocket listener at web.nats-websocket-url.
        web.host=%s
        web.port=%d
        web.nats-websocket-url=ws://127.0.0.1:%d
        """
        .formatted(DEFAULT_HOST, DEFAULT_PORT, natsWebsocketPort);
  }

  private static String get(Properties file, Map<String, String> env, String key) {
    String envKey = "GAIMACE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    String v = env.get(envKey);
    return v != null ? v : file.getProperty(key);
  }

  private static void checkWebsocketUrl(String url) {
    if (!url.startsWith("ws://") && !url.startsWith("wss://")) {
      throw new IllegalArgumentException(
          "web.nats-websocket-url must start with ws:// or wss://, not '" + url + "'");
    }
  }
}
