package io.gaimace.bench;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.sdk.ClientOptions;
import io.gaimace.sdk.Gaimace;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.sdk.GaimaceListener;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A room whose members are all connected through the SDK, each with its own {@link GaimaceClient}
 * (own NATS connection, event thread and outbox), as separate apps would be.
 */
final class GaimaceRoom implements AutoCloseable {
  /** Called on a member's event thread for every chat message of the room it receives. */
  interface Delivery {
    void delivered(int member, ChatMessage message, long nanoTime);
  }

  private final String roomId;
  private final List<GaimaceClient> clients = new ArrayList<>();

  private GaimaceRoom(String roomId) {
    this.roomId = roomId;
  }

  /** Creates {@code members} users and the room (owned by the first), then connects them all. */
  static GaimaceRoom open(BenchEnv env, String roomId, int members, Delivery delivery)
      throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      ids.add(roomId + "-m" + i);
    }
    List<String> tokens = env.admin().createUsers(ids);
    try (Connection owner = env.userConnection(ids.get(0), tokens.get(0))) {
      Admin.createRoom(owner, roomId, ids.subList(1, ids.size())).join();
    }
    GaimaceRoom room = new GaimaceRoom(roomId);
    try {
      for (int i = 0; i < members; i++) {
        GaimaceClient c =
            Gaimace.connect(
                ClientOptions.builder(tokens.get(i))
                    .server(env.url())
                    .name("bench-" + ids.get(i))
                    .requestTimeout(Duration.ofSeconds(10))
                    .build());
        int member = i;
        c.addListener(
            new GaimaceListener() {
              @Override
              public void onMessage(ChatMessage m) {
                if (m.dialogueId().equals(roomId)) {
                  delivery.delivered(member, m, System.nanoTime());
                }
              }
            });
        room.clients.add(c);
      }
      return room;
    } catch (RuntimeException e) {
      room.close();
      throw e;
    }
  }

  String roomId() {
    return roomId;
  }

  List<GaimaceClient> clients() {
    return clients;
  }

  @Override
  public void close() {
    clients.forEach(GaimaceClient::close);
  }
}
