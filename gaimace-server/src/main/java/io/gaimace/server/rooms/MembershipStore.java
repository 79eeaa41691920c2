package io.gaimace.server.rooms;

import io.gaimace.protocol.DirectDialogue;
import io.gaimace.server.nats.Buckets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is in which room, in one KV bucket read both ways: {@code room.<room>.<user>} for a room's
 * members and {@code user.<user>.room.<room>} for a user's rooms (what the auth callout needs at
 * every connect). Direct dialogues a user has are {@code user.<user>.dm.<peer>}; bans are {@code
 * ban.<room>.<user>}; mutes are {@code mute.<room>.<user>} (kept apart from the membership so
 * leaving and rejoining does not lift them). The room side is written first and removed last, so a
 * half-finished change never grants more than the room side says.
 */
public final class MembershipStore {
  private final Buckets<Membership> members;
  private final Buckets<DirectLink> directs;
  private final Buckets<MuteRecord> mutes;

  public MembershipStore(
      Buckets<Membership> members, Buckets<DirectLink> directs, Buckets<MuteRecord> mutes) {
    this.members = members;
    this.directs = directs;
    this.mutes = mutes;
  }

  public Optional<Membership> find(String roomId, String userId) {
    return members.get("room." + roomId + "." + userId);
  }

  public boolean isMember(String roomId, String userId) {
    return find(roomId, userId).isPresent();
  }

  public void add(Membership m) {
    members.put("room." + m.roomId() + "." + m.userId(), m);
    members.put("user." + m.userId() + ".room." + m.roomId(), m);
  }

  public void remove(String roomId, String userId) {
    members.delete("user." + userId + ".room." + roomId);
    members.delete("room." + roomId + "." + userId);
  }

  public List<Membership> membersOf(String roomId) {
    return members.values("room." + roomId + ".*");
  }

  /** Room ids the user belongs to, read from the user side. */
  public List<String> roomsOf(String userId) {
    String prefix = "user." + userId + ".room.";
    return members.keys(prefix + "*").stream().map(k -> k.substring(prefix.length())).toList();
  }

  public List<Membership> membershipsOf(String userId) {
    return members.values("user." + userId + ".room.*");
  }

  public void ban(String roomId, String userId, String by) {
    members.put(
        "ban." + roomId + "." + userId,
        new Membership(roomId, userId, "banned:" + by, Instant.now()));
  }

  public void unban(String roomId, String userId) {
    members.delete("ban." + roomId + "." + userId);
  }

  public boolean isBanned(String roomId, String userId) {
    return members.get("ban." + roomId + "." + userId).isPresent();
  }

  /** Notes on both sides that a direct dialogue exists; idempotent. */
  public void linkDirect(DirectDialogue d, Instant now) {
    directs.create("user." + d.a() + ".dm." + d.b(), new DirectLink(d.id(), d.b(), now));
    directs.create("user." + d.b() + ".dm." + d.a(), new DirectLink(d.id(), d.a(), now));
  }

  public List<DirectLink> directsOf(String userId) {
    return directs.values("user." + userId + ".dm.*");
  }

  /** Forgets everything about a removed user: memberships, direct links. */
  public void forgetUser(String userId) {
    for (String room : roomsOf(userId)) {
      remove(room, userId);
    }
    for (String key : directs.keys("user." + userId + ".dm.*")) {
      directs.delete(key);
    }
  }

  /** The user's role in the room, empty when it is not a member. */
  public Optional<String> roleOf(String roomId, String userId) {
    return find(roomId, userId).map(Membership::role);
  }

  /**
   * Whether the user is the room's owner or one of its moderators: the one check for "may this user
   * moderate the room" (remove, ban, mute, delete others' messages).
   */
  public boolean isModerator(String roomId, String userId) {
    return find(roomId, userId).map(Membership::canModerate).orElse(false);
  }

  public void mute(MuteRecord mute) {
    mutes.put("mute." + mute.roomId() + "." + mute.userId(), mute);
  }

  public void unmute(String roomId, String userId) {
    mutes.delete("mute." + roomId + "." + userId);
  }

  /** The user's mute in the room if one is in force now. */
  public Optional<MuteRecord> activeMute(String roomId, String userId) {
    Instant now = Instant.now();
    return mutes.get("mute." + roomId + "." + userId).filter(m -> m.activeAt(now));
  }

  /** Mutes in force in the room, by user id. */
  public java.util.Map<String, MuteRecord> activeMutes(String roomId) {
    Instant now = Instant.now();
    java.util.Map<String, MuteRecord> out = new java.util.HashMap<>();
    for (MuteRecord m : mutes.values("mute." + roomId + ".*")) {
      if (m.activeAt(now)) {
        out.put(m.userId(), m);
      }
    }
    return out;
  }
}
