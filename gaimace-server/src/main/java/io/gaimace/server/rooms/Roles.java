package io.gaimace.server.rooms;

import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.ErrorCode;
import io.gaimace.server.users.UserRecord;
import io.gaimace.server.users.UserStore;

/**
 * Who may moderate whom in a room. The owner may act on anyone but itself; a moderator only on
 * plain members and on users who are not members; Gaimace admins on anyone. Nobody can remove, ban
 * or mute the owner: ownership is handed over with {@code room.role} first.
 */
public final class Roles {
  private final MembershipStore memberships;
  private final UserStore users;

  public Roles(MembershipStore memberships, UserStore users) {
    this.memberships = memberships;
    this.users = users;
  }

  public boolean isAdmin(String userId) {
    return users.find(userId).map(UserRecord::admin).orElse(false);
  }

  /** Whether the user may moderate the room at all (owner, moderator or admin). */
  public boolean canModerate(String roomId, String userId) {
    return memberships.isModerator(roomId, userId) || isAdmin(userId);
  }

  /**
   * Throws {@code not_member} or {@code forbidden} unless {@code actor} may act on {@code target}.
   */
  public void requireCanActOn(String actor, String roomId, String target) throws ApiException {
    if (isAdmin(actor)) {
      return;
    }
    if (actor.equals(target)) {
      throw ApiException.forbidden(
          "you cannot remove, ban or mute yourself (leave the room instead)");
    }
    Membership mine = membership(roomId, actor);
    if (!mine.canModerate()) {
      throw ApiException.forbidden("only the room's owner or moderators may do this");
    }
    Membership theirs = memberships.find(roomId, target).orElse(null);
    if (theirs == null) {
      return;
    }
    if (theirs.isOwner()) {
      throw ApiException.forbidden("the room's owner cannot be removed, banned or muted");
    }
    if (theirs.canModerate() && !mine.isOwner()) {
      throw ApiException.forbidden("a moderator cannot act on another moderator");
    }
  }

  /** Throws {@code not_member} or {@code forbidden} unless the user owns the room (or is admin). */
  public void requireOwner(String userId, String roomId) throws ApiException {
    if (isAdmin(userId)) {
      return;
    }
    if (!membership(roomId, userId).isOwner()) {
      throw ApiException.forbidden("only the room's owner may change roles");
    }
  }

  private Membership membership(String roomId, String userId) throws ApiException {
    return memberships
        .find(roomId, userId)
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.NOT_MEMBER, "you are not a member of room '" + roomId + "'"));
  }
}
