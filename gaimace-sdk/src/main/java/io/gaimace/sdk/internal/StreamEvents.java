package io.gaimace.sdk.internal;

import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.StreamEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognises the agent extension's live {@code stream} events on a dialogue's subject. They are not
 * one of the protocol's message types, so they are told apart by a cheap look at the type before
 * the strict codec sees them.
 */
final class StreamEvents {
  private static final String PREFIX = "{\"type\":\"stream\"";

  private StreamEvents() {}

  /** True when the payload is a stream event (the server writes {@code type} first). */
  static boolean isStreamEvent(byte[] data) {
    if (data == null || data.length < PREFIX.length()) {
      return false;
    }
    return new String(data, 0, Math.min(data.length, 32), StandardCharsets.UTF_8)
        .startsWith(PREFIX);
  }

  /** The event, or empty when it cannot be read. */
  static Optional<StreamEvent> read(byte[] data) {
    try {
      return Optional.of(ProtocolCodec.mapper().readValue(data, StreamEvent.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
