package io.gaimace.agent;

import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.sdk.ClientOptions;
import io.gaimace.sdk.Gaimace;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.server.GaimaceFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A Gaimace network for agent tests: a real NATS and server, a public room, and helpers. */
final class Net implements AutoCloseable {
  static final String ROOM = "lobby";
  final GaimaceFixture env;
  private final List<AutoCloseable> open = new ArrayList<>();

  Net() throws Exception {
    env = GaimaceFixture.start();
  }

  ClientOptions options(String token) {
    return ClientOptions.builder(token)
        .server(env.nats().clientUrl())
        .requestTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** A human user, connected, member of the public room (created by the first human). */
  GaimaceClient human(String id) throws Exception {
    GaimaceClient c = Gaimace.connect(options(env.user(id)));
    open.add(c);
    try {
      c.blocking(Duration.ofSeconds(10))
          .createRoom(new CreateRoomRequest(ROOM, null, null, "public", null));
    } catch (RuntimeException e) {
      c.blocking(Duration.ofSeconds(10)).joinRoom(ROOM);
    }
    return c;
  }

  /** A token for a new agent user. */
  String agentToken(String id) throws Exception {
    return env.user(id, "agent");
  }

  <T extends AutoCloseable> T track(T closeable) {
    open.add(closeable);
    return closeable;
  }

  @Override
  public void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        // closing anyway
      }
    }
    env.close();
  }
}
