package io.gaimace.server.rooms;

import io.gaimace.protocol.Nullable;
import java.time.Instant;

/** A member muted in a room by {@code by} at {@code at}, until {@code until} (null: unmuted). */
public record MuteRecord(
    String roomId, String userId, String by, Instant at, @Nullable Instant until) {
  public boolean activeAt(Instant now) {
    return until == null || until.isAfter(now);
  }
}
