package io.gaimace.server.rooms;

import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.DirectDialogue;
import io.gaimace.protocol.RoomDialogue;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.ErrorCode;
import io.gaimace.server.users.UserStore;

/** Decides who may read and write a dialogue: room members, and the two users of a DM. */
public final class DialogueAccess {
  private final MembershipStore memberships;
  private final UserStore users;

  public DialogueAccess(MembershipStore memberships, UserStore users) {
    this.memberships = memberships;
    this.users = users;
  }

  /** Throws {@code not_member} (or {@code not_found}) unless the user may use the dialogue. */
  public void requireMember(String userId, Dialogue dialogue) throws ApiException {
    if (dialogue instanceof RoomDialogue room) {
      if (!memberships.isMember(room.roomId(), userId)) {
        throw new ApiException(
            ErrorCode.NOT_MEMBER, "you are not a member of room '" + room.roomId() + "'");
      }
    } else if (dialogue instanceof DirectDialogue dm) {
      if (!dm.a().equals(userId) && !dm.b().equals(userId)) {
        throw new ApiException(
            ErrorCode.NOT_MEMBER, "dialogue '" + dm.id() + "' is not one of yours");
      }
      String peer = dm.a().equals(userId) ? dm.b() : dm.a();
      if (users.find(peer).isEmpty()) {
        throw ApiException.notFound("no user '" + peer + "'");
      }
    }
  }

  /**
   * Throws like {@link #requireMember} and also {@code muted} when the user is muted in the room:
   * the check for everything that posts into a dialogue (send, and edits and reactions).
   */
  public void requireCanPost(String userId, Dialogue dialogue) throws ApiException {
    requireMember(userId, dialogue);
    if (dialogue instanceof RoomDialogue room) {
      java.util.Optional<MuteRecord> mute = memberships.activeMute(room.roomId(), userId);
      if (mute.isPresent()) {
        throw new ApiException(
            ErrorCode.MUTED,
            "you are muted in room '"
                + room.roomId()
                + "'"
                + (mute.get().until() == null ? "" : " until " + mute.get().until()));
      }
    }
  }
}
