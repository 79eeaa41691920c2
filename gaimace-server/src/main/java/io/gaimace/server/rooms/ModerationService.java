package io.gaimace.server.rooms;

import io.gaimace.protocol.api.Member;
import io.gaimace.protocol.api.MemberRequest;
import io.gaimace.protocol.api.MuteRequest;
import io.gaimace.protocol.api.Ok;
import io.gaimace.protocol.api.RoleRequest;
import io.gaimace.protocol.api.UserEvent;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Caller;
import io.gaimace.server.api.Check;
import io.gaimace.server.api.ErrorCode;
import io.gaimace.server.nats.Buckets;
import io.gaimace.server.presence.Notifier;
import io.gaimace.server.users.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Room roles and mutes ({@code room.role}, {@code room.mute}, {@code room.unmute}). Only the owner
 * changes roles; owners and moderators mute under the rules of {@link Roles}. A muted member keeps
 * reading; what it posts is refused with {@code muted} ({@link DialogueAccess#requireCanPost}). The
 * user concerned is told on {@code gaimace.user.<id>}; its permissions do not change, so no
 * reconnect is needed.
 */
public final class ModerationService {
  private static final Set<String> ROLES = Set.of(Member.OWNER, Member.MODERATOR, Member.MEMBER);

  private final Buckets<RoomRecord> rooms;
  private final MembershipStore memberships;
  private final UserStore users;
  private final Roles roles;
  private final Notifier notifier;
  private final Clock clock;

  public ModerationService(
      Buckets<RoomRecord> rooms,
      MembershipStore memberships,
      UserStore users,
      Notifier notifier,
      Clock clock) {
    this.rooms = rooms;
    this.memberships = memberships;
    this.users = users;
    this.roles = new Roles(memberships, users);
    this.notifier = notifier;
    this.clock = clock;
  }

  /** The one check other features use to ask "may this user moderate this room". */
  public Roles roles() {
    return roles;
  }

  public Ok setRole(Caller caller, RoleRequest req) throws ApiException {
    String roomId = room(req.roomId());
    String target = Check.id(req.userId(), "user_id");
    String role = Check.required(req.role(), "role");
    if (!ROLES.contains(role)) {
      throw ApiException.invalid("field 'role' must be 'owner', 'moderator' or 'member'");
    }
    roles.requireOwner(caller.userId(), roomId);
    Membership theirs =
        memberships
            .find(roomId, target)
            .orElseThrow(
                () -> new ApiException(ErrorCode.NOT_MEMBER, "'" + target + "' is not a member"));
    if (theirs.role().equals(role)) {
      return Ok.of("'" + target + "' is " + role + " already");
    }
    if (theirs.isOwner()) {
      throw ApiException.forbidden(
          "the owner keeps the room until it hands it over: give another member the role 'owner'");
    }
    if (role.equals(Member.OWNER)) {
      // Hand-over: every current owner steps down to moderator, then the target takes over.
      for (Membership m : memberships.membersOf(roomId)) {
        if (m.isOwner()) {
          memberships.add(m.withRole(Member.MODERATOR));
          notifier.toUser(
              m.userId(), new UserEvent(UserEvent.ROLE, roomId, Member.MODERATOR, caller.userId()));
        }
      }
    }
    memberships.add(theirs.withRole(role));
    notifier.toUser(target, new UserEvent(UserEvent.ROLE, roomId, role, caller.userId()));
    return Ok.of("'" + target + "' is now " + role + " of room '" + roomId + "'");
  }

  public Ok mute(Caller caller, MuteRequest req) throws ApiException {
    String roomId = room(req.roomId());
    String target = existingUser(req.userId());
    Instant now = clock.instant();
    if (req.until() != null && !req.until().isAfter(now)) {
      throw ApiException.invalid("field 'until' must be in the future");
    }
    roles.requireCanActOn(caller.userId(), roomId, target);
    memberships.mute(new MuteRecord(roomId, target, caller.userId(), now, req.until()));
    notifier.toUser(target, new UserEvent(UserEvent.MUTE, roomId, "muted", caller.userId()));
    return Ok.of(
        "muted '"
            + target
            + "' in room '"
            + roomId
            + "'"
            + (req.until() == null ? "" : " until " + req.until()));
  }

  public Ok unmute(Caller caller, MemberRequest req) throws ApiException {
    String roomId = room(req.roomId());
    String target = Check.id(req.userId(), "user_id");
    roles.requireCanActOn(caller.userId(), roomId, target);
    memberships.unmute(roomId, target);
    notifier.toUser(target, new UserEvent(UserEvent.MUTE, roomId, "unmuted", caller.userId()));
    return Ok.of("unmuted '" + target + "' in room '" + roomId + "'");
  }

  private String room(String roomId) throws ApiException {
    String id = Check.id(roomId, "room_id");
    if (rooms.get(id).isEmpty()) {
      throw ApiException.notFound("no room '" + id + "'");
    }
    return id;
  }

  private String existingUser(String userId) throws ApiException {
    String id = Check.id(userId, "user_id");
    if (users.find(id).isEmpty()) {
      throw ApiException.notFound("no user '" + id + "'");
    }
    return id;
  }
}
