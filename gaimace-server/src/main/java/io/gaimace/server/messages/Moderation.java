package io.gaimace.server.messages;

import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.RoomDialogue;
import io.gaimace.server.rooms.Membership;
import io.gaimace.server.rooms.MembershipStore;

/**
 * Decides who moderates a dialogue's messages, for deleting other people's messages. In a room that
 * is a member whose role may moderate ({@link Membership#canModerate()}: the owner, who created the
 * room, and moderators); room roles and any finer rule plug in here and nowhere else. A direct
 * dialogue has no moderator: each user deletes only their own messages.
 */
public final class Moderation {
  private final MembershipStore memberships;

  public Moderation(MembershipStore memberships) {
    this.memberships = memberships;
  }

  /** True when {@code userId} may delete any message of {@code dialogue}. */
  public boolean canModerate(String userId, Dialogue dialogue) {
    if (dialogue instanceof RoomDialogue room) {
      return memberships.find(room.roomId(), userId).map(Membership::canModerate).orElse(false);
    }
    return false;
  }
}
