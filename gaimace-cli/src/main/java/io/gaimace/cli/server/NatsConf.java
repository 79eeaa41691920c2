package io.gaimace.cli.server;

import io.gaimace.server.config.Secrets;
import io.gaimace.server.nats.NatsLayout;
import java.nio.file.Path;

/**
 * A complete nats-server configuration for one local node: client, monitoring and WebSocket
 * listeners on loopback, a JetStream store, and Gaimace's accounts and auth callout.
 *
 * @param port client port
 * @param monitorPort HTTP monitoring port ({@code /healthz}, {@code /varz})
 * @param websocketPort WebSocket port for browsers (plain text: loopback only)
 * @param storeDir JetStream store directory, absolute so the file works from any directory
 */
record NatsConf(int port, int monitorPort, int websocketPort, Path storeDir) {
  static final String HOST = "127.0.0.1";

  String render(Secrets secrets) {
    return """
        # nats-server configuration for Gaimace, written by 'gaimace init'.
        # Keep it private: it holds the password of the auth callout's user.
        server_name: gaimace
        listen: %s
        http: %s
        websocket {
          listen: %s
          no_tls: true
          compression: true
        }
        jetstream {
          store_dir: %s
        }

        """
            .formatted(
                quote(HOST + ":" + port),
                quote(HOST + ":" + monitorPort),
                quote(HOST + ":" + websocketPort),
                quote(storeDir.toString()))
        + NatsLayout.configFragment(secrets);
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
