package io.gaimace.server;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;

import io.gaimace.protocol.api.ApiSubjects;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What each kind of user may subscribe and publish to, proven against the real NATS server: a
 * member of private room {@code ops}, a non-member, and a user with no rooms at all (the outsider).
 * DMs are between {@code member} and {@code peer}.
 */
class AuthorizationMatrixTest {
  static GaimaceFixture env;
  static Probe member;
  static Probe nonMember;
  static Probe outsider;

  @BeforeAll
  static void start() throws Exception {
    env = GaimaceFixture.start();
    String m = env.user("member");
    String n = env.user("nonmember");
    String o = env.user("outsider");
    env.user("peer");
    ok(
        call(
            env.admin(),
            ApiSubjects.ROOM_CREATE,
            Map.of("room_id", "ops", "members", List.of("member", "nonmember"))));
    ok(
        call(
            env.admin(),
            ApiSubjects.ROOM_REMOVE,
            Map.of("room_id", "ops", "user_id", "nonmember")));
    ok(
        call(
            env.admin(),
            ApiSubjects.ROOM_CREATE,
            Map.of("room_id", "other", "members", List.of("nonmember"))));
    member = new Probe(env, "member", m);
    nonMember = new Probe(env, "nonmember", n);
    outsider = new Probe(env, "outsider", o);
  }

  @AfterAll
  static void stop() {
    member.close();
    nonMember.close();
    outsider.close();
    env.close();
  }

  @Test
  void roomsAreReadableByMembersOnly() throws Exception {
    member.canSubscribe("chat.room.ops", "chat.room.ops");
    nonMember.cannotSubscribe("chat.room.ops");
    outsider.cannotSubscribe("chat.room.ops");
    nonMember.canSubscribe("chat.room.other", "chat.room.other");
    member.cannotSubscribe("chat.room.other");
    member.cannotSubscribe("chat.room.*");
    member.cannotSubscribe("chat.>");
  }

  @Test
  void directMessagesAreReadableByTheirTwoUsersOnly() throws Exception {
    member.canSubscribe("chat.private.member.peer", "chat.private.member.peer");
    member.canSubscribe("chat.private.*.member", "chat.private.admin.member");
    nonMember.cannotSubscribe("chat.private.member.peer");
    outsider.cannotSubscribe("chat.private.*.*");
    outsider.cannotSubscribe("chat.private.>");
  }

  @Test
  void nobodyPostsChatDirectly() throws Exception {
    member.cannotPublish("chat.room.ops");
    member.cannotPublish("chat.private.member.peer");
    member.cannotPublish("store.chat.room.ops");
    outsider.cannotPublish("chat.room.ops");
  }

  @Test
  void presenceIsReadableByAllAndWritableByItsOwnerOnly() throws Exception {
    outsider.canSubscribe("presence.*", "presence.member");
    member.canPublish("presence.member");
    member.cannotPublish("presence.peer");
    outsider.cannotPublish("presence.member");
  }

  @Test
  void typingFollowsDialogues() throws Exception {
    member.canSubscribe("typing.ops", "typing.ops");
    member.canPublish("typing.ops");
    nonMember.cannotSubscribe("typing.ops");
    nonMember.cannotPublish("typing.ops");
    member.canPublish("typing.member.peer");
    member.canSubscribe("typing.member.peer", "typing.member.peer");
    outsider.cannotPublish("typing.member.peer");
    outsider.cannotSubscribe("typing.member.peer");
  }

  @Test
  void repliesAreReadableByTheirOwnerOnly() throws Exception {
    member.canSubscribe("_INBOX_member.>", "_INBOX_member.x");
    outsider.cannotSubscribe("_INBOX_member.>");
    outsider.cannotSubscribe("_INBOX.>");
    outsider.cannotSubscribe(">");
  }

  @Test
  void nobodyWritesIntoAnotherUsersInbox() throws Exception {
    outsider.cannotPublish("_INBOX_member.x1");
    outsider.cannotPublish("_INBOX_member.>");
    member.cannotPublish("gaimace.user.peer");
    member.cannotPublish("profile.member"); // profiles change through the API only
  }

  @Test
  void theApiIsCallableButNotReadable() throws Exception {
    ok(call(outsider.conn, ApiSubjects.WHOAMI, Map.of()));
    outsider.cannotSubscribe("gaimace.api.>");
    outsider.cannotSubscribe("gaimace.user.member");
    member.canSubscribe("gaimace.user.member", "gaimace.user.member");
  }

  @Test
  void jetStreamKvObjectStoreAndSystemSubjectsAreClosed() throws Exception {
    for (String s : List.of("$JS.API.>", "$KV.>", "$O.>", "$SYS.>", "$JS.>", "store.>")) {
      member.cannotSubscribe(s);
    }
    member.cannotPublish("$JS.API.STREAM.INFO.GAIMACE_MESSAGES");
    member.cannotPublish("$JS.API.CONSUMER.CREATE.GAIMACE_MESSAGES");
    member.cannotPublish("$JS.API.DIRECT.GET.GAIMACE_MESSAGES");
    member.cannotPublish("$KV.gaimace-tokens.x");
    member.cannotPublish("$SYS.REQ.SERVER.PING");
  }
}
