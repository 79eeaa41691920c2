package io.gaimace.server.rooms;

import io.gaimace.protocol.api.Member;
import java.time.Instant;

/** A user's membership of a room with its role. */
public record Membership(String roomId, String userId, String role, Instant joinedAt) {
  public Member member() {
    return new Member(userId, role, joinedAt);
  }

  public boolean canModerate() {
    return Member.OWNER.equals(role) || Member.MODERATOR.equals(role);
  }
}
