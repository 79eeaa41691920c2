package io.gaimace.server.streams;

import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.StreamEvent;
import io.gaimace.protocol.Subjects;
import io.gaimace.protocol.Typing;
import io.gaimace.protocol.TypingStatus;
import io.gaimace.server.presence.Notifier;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import java.io.UncheckedIOException;

/**
 * Publishes what members see of reply streams, on the CHAT connection with {@code Gaimace-Origin:
 * server}: {@code stream} events on the dialogue's chat subject (core NATS, not stored) and {@code
 * typing} of the stream's sender.
 */
final class StreamAnnouncer {
  private final Connection chat;

  StreamAnnouncer(Connection chat) {
    this.chat = chat;
  }

  void event(Dialogue dialogue, StreamEvent event) {
    try {
      chat.publish(
          Subjects.chat(dialogue), origin(), ProtocolCodec.mapper().writeValueAsBytes(event));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  void typing(Dialogue dialogue, String user, TypingStatus status) {
    chat.publish(
        Subjects.typing(dialogue),
        origin(),
        ProtocolCodec.encode(new Typing(user, status, dialogue.id())));
  }

  private static Headers origin() {
    return new Headers().put(Notifier.ORIGIN_HEADER, "server");
  }
}
