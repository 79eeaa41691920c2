package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;
import java.time.Instant;

/** A room as the API shows it; {@code role} is the caller's role in it, if a member. */
public record RoomInfo(
    String roomId,
    String name,
    @Nullable String topic,
    String visibility,
    String createdBy,
    Instant createdAt,
    @Nullable String role) {
  public static final String PUBLIC = "public";
  public static final String PRIVATE = "private";
}
