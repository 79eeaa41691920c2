package io.gaimace.testing;

import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The configuration file of one {@code nats-server}. Everything listens on 127.0.0.1.
 *
 * @param storeDir JetStream's store directory, or {@code null} without JetStream
 * @param websocketPort the WebSocket port, or 0 without WebSocket
 * @param cluster the cluster block, or {@code null} for a standalone server
 * @param fragment raw configuration appended at the end (accounts, authorization, limits...)
 */
record ServerConfig(
    String serverName,
    int clientPort,
    int monitorPort,
    Path logFile,
    Path storeDir,
    int websocketPort,
    ClusterSpec cluster,
    String fragment) {

  static final String HOST = "127.0.0.1";

  String render() {
    StringBuilder text = new StringBuilder();
    text.append("server_name: ").append(quote(serverName)).append('\n');
    text.append("listen: ").append(quote(HOST + ":" + clientPort)).append('\n');
    text.append("http: ").append(quote(HOST + ":" + monitorPort)).append('\n');
    text.append("log_file: ").append(quote(logFile.toString())).append('\n');
    text.append("debug: false\ntrace: false\n");
    if (storeDir != null) {
      // A limit, not an allocation: JetStream reserves each stream's max bytes against it, and
      // Gaimace's defaults reserve 1 GiB of messages plus 1.25 GiB of files.
      text.append("jetstream {\n")
          .append("  store_dir: ")
          .append(quote(storeDir.toString()))
          .append("\n  max_memory_store: 256MB\n  max_file_store: 8GB\n}\n");
    }
    if (websocketPort != 0) {
      text.append("websocket {\n")
          .append("  listen: ")
          .append(quote(HOST + ":" + websocketPort))
          .append("\n  no_tls: true\n  compression: true\n}\n");
    }
    if (cluster != null) {
      String routes =
          cluster.routes().stream().map(ServerConfig::quote).collect(Collectors.joining(", "));
      text.append("cluster {\n")
          .append("  name: ")
          .append(quote(cluster.name()))
          .append("\n  listen: ")
          .append(quote(HOST + ":" + cluster.port()))
          .append("\n  routes: [")
          .append(routes)
          .append("]\n}\n");
    }
    if (!fragment.isEmpty()) {
      text.append("\n# configFragment\n").append(fragment).append('\n');
    }
    return text.toString();
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
