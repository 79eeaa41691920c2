package io.gaimace.server.nats;

import io.gaimace.server.config.ServerConfig;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;

/** Opens the server's NATS connections, one per account it works in. */
public final class ServerConnections {
  private ServerConnections() {}

  /** The callout's connection in the AUTH account (the one user that bypasses the callout). */
  public static Connection auth(ServerConfig config, String instance)
      throws IOException, InterruptedException {
    return Nats.connect(
        base(config, instance + "-auth")
            .userInfo(Accounts.AUTH_USER, config.secrets().authPassword())
            .build());
  }

  /** A service connection, authorized by the callout by its user name and the service password. */
  public static Connection service(ServerConfig config, String serviceUser, String instance)
      throws IOException, InterruptedException {
    return Nats.connect(
        base(config, instance + "-" + serviceUser)
            .userInfo(serviceUser, config.secrets().servicePassword())
            .build());
  }

  private static Options.Builder base(ServerConfig config, String name) {
    return new Options.Builder()
        .servers(config.natsUrls().toArray(String[]::new))
        .connectionName(name)
        .connectionTimeout(Duration.ofSeconds(5))
        .maxReconnects(-1)
        .reconnectWait(Duration.ofMillis(500))
        .errorListener(new LoggingErrorListener());
  }
}
