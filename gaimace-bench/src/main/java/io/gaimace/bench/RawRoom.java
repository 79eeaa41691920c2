package io.gaimace.bench;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw baseline of a room: one plain NATS connection per member, each with a core subscription
 * on the raw stream's RePublish subject, each able to publish into the stream.
 */
final class RawRoom implements AutoCloseable {
  /** Called on a member's dispatcher thread for every message it receives. */
  interface Delivery {
    void delivered(int member, Message message, long nanoTime);
  }

  private final String roomId;
  private final List<Connection> connections = new ArrayList<>();
  private final List<JetStream> jetStreams = new ArrayList<>();

  private RawRoom(String roomId) {
    this.roomId = roomId;
  }

  static RawRoom open(BenchEnv env, String roomId, int members, Delivery delivery)
      throws IOException, InterruptedException {
    RawRoom room = new RawRoom(roomId);
    try {
      for (int i = 0; i < members; i++) {
        Connection c = env.rawConnection();
        room.connections.add(c);
        room.jetStreams.add(c.jetStream());
        int member = i;
        Dispatcher d = c.createDispatcher(m -> delivery.delivered(member, m, System.nanoTime()));
        d.subscribe(RawStream.chatSubject(roomId));
        c.flush(java.time.Duration.ofSeconds(5));
      }
      return room;
    } catch (IOException | InterruptedException | RuntimeException e) {
      room.close();
      throw e;
    } catch (java.util.concurrent.TimeoutException e) {
      room.close();
      throw new IOException(e);
    }
  }

  String storeSubject() {
    return RawStream.storeSubject(roomId);
  }

  Connection connection(int member) {
    return connections.get(member);
  }

  JetStream jetStream(int member) {
    return jetStreams.get(member);
  }

  @Override
  public void close() {
    for (Connection c : connections) {
      try {
        c.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
