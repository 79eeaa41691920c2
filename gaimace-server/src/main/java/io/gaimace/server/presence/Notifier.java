package io.gaimace.server.presence;

import io.gaimace.protocol.GaimaceMessage;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.UserEvent;
import io.nats.client.Connection;
import java.io.UncheckedIOException;

/** Publishes what the server announces on users' behalf, on the CHAT connection. */
public final class Notifier {
  /**
   * Marks what the server publishes, so its own presence announcements are not read back as a
   * client's.
   */
  public static final String ORIGIN_HEADER = "Gaimace-Origin";

  private static final io.nats.client.impl.Headers SERVER_ORIGIN =
      new io.nats.client.impl.Headers(
          new io.nats.client.impl.Headers().put(ORIGIN_HEADER, "server"), true);

  private final Connection chat;

  public Notifier(Connection chat) {
    this.chat = chat;
  }

  /** A protocol message on a protocol subject (presence, read receipts, profiles). */
  public void publish(String subject, GaimaceMessage message) {
    chat.publish(subject, SERVER_ORIGIN, ProtocolCodec.encode(message));
  }

  /** An event for one user only, on {@code gaimace.user.<user_id>}. */
  public void toUser(String userId, UserEvent event) {
    try {
      chat.publish(ApiSubjects.userEvents(userId), ProtocolCodec.mapper().writeValueAsBytes(event));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A mention notice for one user, on {@code gaimace.user.<user_id>}. */
  public void toUser(String userId, io.gaimace.protocol.api.MentionEvent event) {
    try {
      chat.publish(ApiSubjects.userEvents(userId), ProtocolCodec.mapper().writeValueAsBytes(event));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the NATS server has everything published so far. */
  public void flush() {
    try {
      chat.flush(java.time.Duration.ofSeconds(2));
    } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
