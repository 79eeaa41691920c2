package io.gaimace.server.presence;

import io.gaimace.protocol.Nullable;
import io.gaimace.protocol.Presence;
import io.gaimace.protocol.PresenceStatus;
import java.time.Instant;

/**
 * A user's presence as the server keeps it: status, when it last had a connection ({@code
 * lastSeen}), and when its last connection ended ({@code disconnectedAt}, null while connected).
 */
public record PresenceRecord(
    String userId, PresenceStatus status, Instant lastSeen, @Nullable Instant disconnectedAt) {
  public Presence presence() {
    return new Presence(userId, status, lastSeen);
  }
}
