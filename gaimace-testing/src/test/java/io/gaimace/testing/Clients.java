package io.gaimace.testing;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;

/** jnats connections tuned for tests: fail fast, reconnect quickly and forever. */
final class Clients {
  private Clients() {}

  static Connection connect(String urls) throws IOException, InterruptedException {
    Options options =
        Options.builder()
            .server(urls)
            .connectionTimeout(Duration.ofSeconds(2))
            .reconnectWait(Duration.ofMillis(100))
            .maxReconnects(-1)
            .build();
    return Nats.connect(options);
  }
}
