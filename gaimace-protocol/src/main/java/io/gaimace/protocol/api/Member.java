package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;
import java.time.Instant;

/**
 * A member of a room with its role ({@code owner}, {@code moderator} or {@code member}).
 *
 * @param muted nullable extension: true while the member is muted (absent otherwise)
 * @param mutedUntil nullable extension: when the mute ends by itself (absent: until unmuted)
 */
public record Member(
    String userId,
    String role,
    Instant joinedAt,
    @Nullable Boolean muted,
    @Nullable Instant mutedUntil) {
  public static final String OWNER = "owner";
  public static final String MODERATOR = "moderator";
  public static final String MEMBER = "member";

  /** A member without mute information. */
  public Member(String userId, String role, Instant joinedAt) {
    this(userId, role, joinedAt, null, null);
  }
}
