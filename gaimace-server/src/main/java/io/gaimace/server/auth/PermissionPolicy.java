package io.gaimace.server.auth;

import io.gaimace.protocol.Subjects;
import io.gaimace.protocol.api.ApiSubjects;
import io.nats.client.support.JwtUtils.Permission;
import io.nats.client.support.JwtUtils.ResponsePermission;
import io.nats.client.support.JwtUtils.UserClaim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The exact NATS permissions of a user (docs/protocol.md). Everything not listed is denied: other
 * users' DMs and inboxes, rooms the user is not in, JetStream's API, KV and object store subjects,
 * and {@code $SYS}.
 *
 * <p>Subscribe: its rooms' messages and typing, its own DMs and DM typing, everyone's presence and
 * profile announcements, its own events and its own reply inbox. Publish: its own presence, typing
 * in its dialogues, and API requests (which the server authorizes one by one).
 */
public final class PermissionPolicy {
  private PermissionPolicy() {}

  /** The inbox prefix a user's client must use, e.g. {@code _INBOX_alice}. */
  public static String inboxPrefix(String userId) {
    return "_INBOX_" + userId;
  }

  public static UserClaim userClaim(String userId, Collection<String> roomIds) {
    return userClaim(userId, roomIds, io.gaimace.protocol.UserKind.HUMAN);
  }

  /**
   * As {@link #userClaim(String, Collection)}; agents may also subscribe to the roll call ({@code
   * agents.rollcall}), which everyone may publish to (answers travel as responses).
   */
  public static UserClaim userClaim(
      String userId, Collection<String> roomIds, io.gaimace.protocol.UserKind kind) {
    List<String> sub = new ArrayList<>();
    List<String> pub = new ArrayList<>();
    for (String room : roomIds) {
      sub.add(Subjects.room(room));
      sub.add(Subjects.typingRoom(room));
      pub.add(Subjects.typingRoom(room));
    }
    String me = userId;
    sub.add("chat.private." + me + ".*");
    sub.add("chat.private.*." + me);
    sub.add("typing." + me + ".*");
    sub.add("typing.*." + me);
    sub.add("presence.*");
    sub.add("profile.*");
    sub.add(ApiSubjects.userEvents(me));
    sub.add(inboxPrefix(me) + ".>");
    pub.add(Subjects.presence(me));
    pub.add("typing." + me + ".*");
    pub.add("typing.*." + me);
    pub.add(ApiSubjects.PREFIX + ".>");
    pub.add(io.gaimace.protocol.AgentSubjects.ROLL_CALL);
    if (kind == io.gaimace.protocol.UserKind.AGENT) {
      sub.add(io.gaimace.protocol.AgentSubjects.ROLL_CALL);
    }
    return new UserClaim(null)
        .sub(new Permission().allow(sub.toArray(String[]::new)))
        .pub(new Permission().allow(pub.toArray(String[]::new)))
        .resp(new ResponsePermission().maxMsgs(1).expires(Duration.ofMinutes(1)));
  }
}
