package io.gaimace.server.rooms;

import io.gaimace.protocol.Nullable;
import io.gaimace.protocol.api.RoomInfo;
import java.time.Instant;

/** A room as stored in the {@code gaimace-rooms} bucket, keyed by room id. */
public record RoomRecord(
    String roomId,
    String name,
    @Nullable String topic,
    String visibility,
    String createdBy,
    Instant createdAt) {

  public boolean isPublic() {
    return RoomInfo.PUBLIC.equals(visibility);
  }

  public RoomInfo info(@Nullable String role) {
    return new RoomInfo(roomId, name, topic, visibility, createdBy, createdAt, role);
  }
}
