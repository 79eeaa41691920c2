package io.gaimace.server.rooms;

import io.gaimace.protocol.api.Member;
import java.time.Instant;

/**
 * A user's membership of a room with its role: {@code owner}, {@code moderator} or {@code member}.
 * A record stored without a role reads as a plain member.
 */
public record Membership(String roomId, String userId, String role, Instant joinedAt) {
  public Membership {
    role = role == null ? Member.MEMBER : role;
  }

  public Member member() {
    return new Member(userId, role, joinedAt);
  }

  public boolean canModerate() {
    return Member.OWNER.equals(role) || Member.MODERATOR.equals(role);
  }

  public boolean isOwner() {
    return Member.OWNER.equals(role);
  }

  public Membership withRole(String newRole) {
    return new Membership(roomId, userId, newRole, joinedAt);
  }
}
