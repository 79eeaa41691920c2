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
 * ban.<room>.<user>}. The room side is written first and removed last, so a half-finished change
 * never grants more than the room side says.
 */
public final class MembershipStore {
  private final Buckets<Membership> members;
  private final Buckets<DirectLink> directs;

  public MembershipStore(Buckets<Membership> members, Buckets<DirectLink> directs) {
    this.members = members;
    this.directs = directs;
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
}
