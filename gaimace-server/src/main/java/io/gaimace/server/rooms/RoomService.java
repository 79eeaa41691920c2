package io.gaimace.server.rooms;

import io.gaimace.protocol.RoomDialogue;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.Member;
import io.gaimace.protocol.api.MemberList;
import io.gaimace.protocol.api.MemberRequest;
import io.gaimace.protocol.api.Ok;
import io.gaimace.protocol.api.RoomInfo;
import io.gaimace.protocol.api.RoomList;
import io.gaimace.protocol.api.RoomRequest;
import io.gaimace.protocol.api.UserEvent;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Caller;
import io.gaimace.server.api.Check;
import io.gaimace.server.api.ErrorCode;
import io.gaimace.server.nats.Buckets;
import io.gaimace.server.presence.Kicker;
import io.gaimace.server.presence.Notifier;
import io.gaimace.server.receipts.ReadService;
import io.gaimace.server.users.UserRecord;
import io.gaimace.server.users.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rooms and their members. A change of membership changes the user's NATS permissions, which are
 * fixed for a connection's life: a user who gains a room is told on {@code gaimace.user.<id>} and
 * its client reconnects to get the new rights; a user who loses a room (leave, removal, ban) has
 * its connections closed by the server, so it stops receiving at once whatever its client does.
 */
public final class RoomService {
  private final Buckets<RoomRecord> rooms;
  private final MembershipStore memberships;
  private final UserStore users;
  private final ReadService reads;
  private final Notifier notifier;
  private final Kicker kicker;
  private final Clock clock;
  private final Roles roles;

  public RoomService(
      Buckets<RoomRecord> rooms,
      MembershipStore memberships,
      UserStore users,
      ReadService reads,
      Notifier notifier,
      Kicker kicker,
      Clock clock) {
    this.rooms = rooms;
    this.memberships = memberships;
    this.users = users;
    this.reads = reads;
    this.notifier = notifier;
    this.kicker = kicker;
    this.clock = clock;
    this.roles = new Roles(memberships, users);
  }

  public RoomInfo create(Caller caller, CreateRoomRequest req) throws ApiException {
    String roomId = Check.id(req.roomId(), "room_id");
    String visibility = req.visibility() == null ? RoomInfo.PRIVATE : req.visibility();
    if (!visibility.equals(RoomInfo.PUBLIC) && !visibility.equals(RoomInfo.PRIVATE)) {
      throw ApiException.invalid("field 'visibility' must be 'public' or 'private'");
    }
    String name = Check.text(req.name() == null ? roomId : req.name(), "name", 100);
    String topic = Check.text(req.topic(), "topic", 500);
    List<String> invited = req.members() == null ? List.of() : req.members();
    if (invited.size() > 1000) {
      throw ApiException.invalid("invite at most 1000 members at creation");
    }
    for (String m : invited) {
      Check.id(m, "members");
      if (users.find(m).isEmpty()) {
        throw ApiException.notFound("no user '" + m + "'");
      }
    }
    Instant now = clock.instant();
    RoomRecord room = new RoomRecord(roomId, name, topic, visibility, caller.userId(), now);
    if (!rooms.create(roomId, room)) {
      throw new ApiException(ErrorCode.CONFLICT, "room '" + roomId + "' exists already");
    }
    addMember(room, caller.userId(), Member.OWNER, caller.userId());
    for (String m : invited) {
      if (!m.equals(caller.userId())) {
        addMember(room, m, Member.MEMBER, caller.userId());
      }
    }
    return room.info(Member.OWNER);
  }

  public RoomInfo get(Caller caller, RoomRequest req) throws ApiException {
    RoomRecord room = visibleRoom(caller, req.roomId());
    return room.info(
        memberships.find(room.roomId(), caller.userId()).map(Membership::role).orElse(null));
  }

  /** The caller's rooms and every public room, by id. */
  public RoomList list(Caller caller, Object ignored) {
    Map<String, String> mine =
        memberships.membershipsOf(caller.userId()).stream()
            .collect(Collectors.toMap(Membership::roomId, Membership::role, (a, b) -> a));
    List<RoomInfo> out = new ArrayList<>();
    for (RoomRecord r : rooms.values("*")) {
      if (mine.containsKey(r.roomId()) || r.isPublic()) {
        out.add(r.info(mine.get(r.roomId())));
      }
    }
    out.sort(Comparator.comparing(RoomInfo::roomId));
    return new RoomList(out);
  }

  public RoomInfo join(Caller caller, RoomRequest req) throws ApiException {
    RoomRecord room = room(req.roomId());
    String me = caller.userId();
    if (memberships.isBanned(room.roomId(), me)) {
      throw new ApiException(ErrorCode.BANNED, "you are banned from room '" + room.roomId() + "'");
    }
    if (memberships.isMember(room.roomId(), me)) {
      return room.info(memberships.find(room.roomId(), me).get().role());
    }
    if (!room.isPublic()) {
      throw ApiException.forbidden(
          "room '" + room.roomId() + "' is private: ask a member to invite you");
    }
    addMember(room, me, Member.MEMBER, me);
    return room.info(Member.MEMBER);
  }

  public Ok leave(Caller caller, RoomRequest req) throws ApiException {
    RoomRecord room = room(req.roomId());
    if (!memberships.isMember(room.roomId(), caller.userId())) {
      throw new ApiException(
          ErrorCode.NOT_MEMBER, "you are not a member of room '" + room.roomId() + "'");
    }
    removeMember(room.roomId(), caller.userId(), "left", caller.userId());
    return Ok.of("left room '" + room.roomId() + "'");
  }

  public Ok invite(Caller caller, MemberRequest req) throws ApiException {
    RoomRecord room = room(req.roomId());
    Membership mine = requireMembership(room.roomId(), caller.userId());
    String target = existingUser(req.userId());
    if (memberships.isBanned(room.roomId(), target) && !mine.canModerate()) {
      throw new ApiException(ErrorCode.BANNED, "'" + target + "' is banned from this room");
    }
    if (memberships.isMember(room.roomId(), target)) {
      return Ok.of("'" + target + "' is a member already");
    }
    memberships.unban(room.roomId(), target);
    addMember(room, target, Member.MEMBER, caller.userId());
    return Ok.of("added '" + target + "' to room '" + room.roomId() + "'");
  }

  public Ok remove(Caller caller, MemberRequest req) throws ApiException {
    RoomRecord room = room(req.roomId());
    String target = Check.id(req.userId(), "user_id");
    requireModerator(caller, room.roomId(), target);
    if (!memberships.isMember(room.roomId(), target)) {
      throw new ApiException(ErrorCode.NOT_MEMBER, "'" + target + "' is not a member");
    }
    removeMember(room.roomId(), target, "removed", caller.userId());
    return Ok.of("removed '" + target + "' from room '" + room.roomId() + "'");
  }

  public Ok ban(Caller caller, MemberRequest req) throws ApiException {
    RoomRecord room = room(req.roomId());
    String target = existingUser(req.userId());
    requireModerator(caller, room.roomId(), target);
    memberships.ban(room.roomId(), target, caller.userId());
    if (memberships.isMember(room.roomId(), target)) {
      removeMember(room.roomId(), target, "banned", caller.userId());
    }
    return Ok.of("banned '" + target + "' from room '" + room.roomId() + "'");
  }

  public Ok unban(Caller caller, MemberRequest req) throws ApiException {
    RoomRecord room = room(req.roomId());
    String target = Check.id(req.userId(), "user_id");
    requireModerator(caller, room.roomId(), target);
    memberships.unban(room.roomId(), target);
    return Ok.of("unbanned '" + target + "' from room '" + room.roomId() + "'");
  }

  public MemberList members(Caller caller, RoomRequest req) throws ApiException {
    RoomRecord room = visibleRoom(caller, req.roomId());
    Map<String, MuteRecord> muted = memberships.activeMutes(room.roomId());
    List<Member> list =
        memberships.membersOf(room.roomId()).stream()
            .map(m -> withMute(m.member(), muted.get(m.userId())))
            .sorted(Comparator.comparing(Member::userId))
            .toList();
    return new MemberList(room.roomId(), list);
  }

  private static Member withMute(Member m, MuteRecord mute) {
    return mute == null ? m : new Member(m.userId(), m.role(), m.joinedAt(), true, mute.until());
  }

  private void addMember(RoomRecord room, String userId, String role, String by) {
    memberships.add(new Membership(room.roomId(), userId, role, clock.instant()));
    reads.markAllRead(userId, new RoomDialogue(room.roomId()));
    notifier.toUser(userId, new UserEvent(UserEvent.MEMBERSHIP, room.roomId(), "added", by));
  }

  private void removeMember(String roomId, String userId, String change, String by) {
    memberships.remove(roomId, userId);
    notifier.toUser(userId, new UserEvent(UserEvent.MEMBERSHIP, roomId, change, by));
    notifier.flush();
    if (userId.equals(by)) {
      kicker.kickSoon(userId);
    } else {
      kicker.kick(userId);
    }
  }

  private RoomRecord room(String roomId) throws ApiException {
    String id = Check.id(roomId, "room_id");
    return rooms.get(id).orElseThrow(() -> ApiException.notFound("no room '" + id + "'"));
  }

  private RoomRecord visibleRoom(Caller caller, String roomId) throws ApiException {
    RoomRecord room = room(roomId);
    if (!room.isPublic()
        && !memberships.isMember(room.roomId(), caller.userId())
        && !isAdmin(caller)) {
      throw new ApiException(ErrorCode.NOT_MEMBER, "room '" + room.roomId() + "' is private");
    }
    return room;
  }

  private Membership requireMembership(String roomId, String userId) throws ApiException {
    return memberships
        .find(roomId, userId)
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.NOT_MEMBER, "you are not a member of room '" + roomId + "'"));
  }

  private void requireModerator(Caller caller, String roomId, String target) throws ApiException {
    roles.requireCanActOn(caller.userId(), roomId, target);
  }

  private boolean isAdmin(Caller caller) {
    return users.find(caller.userId()).map(UserRecord::admin).orElse(false);
  }

  private String existingUser(String userId) throws ApiException {
    String id = Check.id(userId, "user_id");
    if (users.find(id).isEmpty()) {
      throw ApiException.notFound("no user '" + id + "'");
    }
    return id;
  }
}
