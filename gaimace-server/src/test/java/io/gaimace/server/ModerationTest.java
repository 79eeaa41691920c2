package io.gaimace.server;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.api.ApiSubjects;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Room roles (owner, moderator, member), mutes, and bans by moderators. */
class ModerationTest {
  static GaimaceFixture env;
  static Connection olga; // owner of every room here
  static Connection mona; // made moderator
  static Connection mel;
  static Connection max;

  @BeforeAll
  static void start() throws Exception {
    env = GaimaceFixture.start();
    olga = env.connectAs("olga", env.user("olga"));
    mona = env.connectAs("mona", env.user("mona"));
    mel = env.connectAs("mel", env.user("mel"));
    max = env.connectAs("max", env.user("max"));
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  private static void room(String id, String... others) throws Exception {
    List<String> members = new java.util.ArrayList<>(List.of("mona", "mel", "max"));
    members.addAll(List.of(others));
    ok(
        call(
            olga,
            ApiSubjects.ROOM_CREATE,
            Map.of("room_id", id, "visibility", "public", "members", members)));
    ok(
        call(
            olga,
            ApiSubjects.ROOM_ROLE,
            Map.of("room_id", id, "user_id", "mona", "role", "moderator")));
  }

  private static String code(JsonNode reply) {
    return reply.path("code").asText();
  }

  private static Map<String, Object> target(String room, String user) {
    return Map.of("room_id", room, "user_id", user);
  }

  @Test
  void aPlainMemberCannotModerate() throws Exception {
    room("plain");
    assertThat(code(call(mel, ApiSubjects.ROOM_BAN, target("plain", "max"))))
        .isEqualTo("forbidden");
    assertThat(code(call(mel, ApiSubjects.ROOM_MUTE, target("plain", "max"))))
        .isEqualTo("forbidden");
    assertThat(code(call(mel, ApiSubjects.ROOM_REMOVE, target("plain", "max"))))
        .isEqualTo("forbidden");
    assertThat(
            code(
                call(
                    mel,
                    ApiSubjects.ROOM_ROLE,
                    Map.of("room_id", "plain", "user_id", "mel", "role", "moderator"))))
        .isEqualTo("forbidden");
    assertThat(code(call(env.admin(), ApiSubjects.ROOM_MUTE, target("nowhere", "max"))))
        .isEqualTo("not_found");
  }

  @Test
  void rolesAreShownAndOnlyTheOwnerChangesThem() throws Exception {
    Subscription events = mel.subscribe("gaimace.user.mel");
    mel.flush(Duration.ofSeconds(2));
    room("roles");
    assertThat(role("roles", "olga")).isEqualTo("owner");
    assertThat(role("roles", "mona")).isEqualTo("moderator");
    assertThat(role("roles", "mel")).isEqualTo("member");
    assertThat(
            code(
                call(
                    mona,
                    ApiSubjects.ROOM_ROLE,
                    Map.of("room_id", "roles", "user_id", "mel", "role", "moderator"))))
        .isEqualTo("forbidden");
    assertThat(
            code(
                call(
                    olga,
                    ApiSubjects.ROOM_ROLE,
                    Map.of("room_id", "roles", "user_id", "mel", "role", "admin"))))
        .isEqualTo("invalid_request");
    assertThat(
            code(
                call(
                    olga,
                    ApiSubjects.ROOM_ROLE,
                    Map.of("room_id", "roles", "user_id", "olga", "role", "member"))))
        .isEqualTo("forbidden");
    ok(
        call(
            olga,
            ApiSubjects.ROOM_ROLE,
            Map.of("room_id", "roles", "user_id", "mel", "role", "moderator")));
    assertThat(role("roles", "mel")).isEqualTo("moderator");
    JsonNode event = nextOfType(events, "role");
    assertThat(event.get("room_id").asText()).isEqualTo("roles");
    assertThat(event.get("change").asText()).isEqualTo("moderator");
    // A moderator cannot act on another moderator, nor on the owner.
    assertThat(code(call(mona, ApiSubjects.ROOM_BAN, target("roles", "mel"))))
        .isEqualTo("forbidden");
    assertThat(code(call(mona, ApiSubjects.ROOM_MUTE, target("roles", "mel"))))
        .isEqualTo("forbidden");
    assertThat(code(call(mona, ApiSubjects.ROOM_BAN, target("roles", "olga"))))
        .isEqualTo("forbidden");
    assertThat(code(call(mona, ApiSubjects.ROOM_REMOVE, target("roles", "olga"))))
        .isEqualTo("forbidden");
    assertThat(code(call(mona, ApiSubjects.ROOM_MUTE, target("roles", "mona"))))
        .isEqualTo("forbidden");
    events.unsubscribe();
  }

  @Test
  void theOwnerHandsTheRoomOver() throws Exception {
    room("handover");
    ok(
        call(
            olga,
            ApiSubjects.ROOM_ROLE,
            Map.of("room_id", "handover", "user_id", "mona", "role", "owner")));
    assertThat(role("handover", "mona")).isEqualTo("owner");
    assertThat(role("handover", "olga")).isEqualTo("moderator");
    assertThat(
            code(
                call(
                    olga,
                    ApiSubjects.ROOM_ROLE,
                    Map.of("room_id", "handover", "user_id", "mel", "role", "moderator"))))
        .isEqualTo("forbidden");
    ok(call(mona, ApiSubjects.ROOM_MUTE, target("handover", "olga")));
    ok(call(mona, ApiSubjects.ROOM_UNMUTE, target("handover", "olga")));
  }

  @Test
  void aMutedMemberReadsButCannotPostUntilUnmuted() throws Exception {
    Connection lea = env.connectAs("lea", env.user("lea"));
    room("quiet", "lea");
    ok(call(mona, ApiSubjects.ROOM_MUTE, target("quiet", "lea")));
    JsonNode refused =
        call(lea, ApiSubjects.SEND, Map.of("dialogue_id", "quiet", "content", "let me talk"));
    assertThat(code(refused)).isEqualTo("muted");
    assertThat(refused.get("message").asText()).contains("muted in room 'quiet'");
    ok(call(mona, ApiSubjects.SEND, Map.of("dialogue_id", "quiet", "content", "rules apply")));
    assertThat(ok(call(lea, ApiSubjects.HISTORY, Map.of("dialogue_id", "quiet"))).get("messages"))
        .hasSize(1);
    JsonNode mine = member("quiet", "lea");
    assertThat(mine.get("muted").asBoolean()).isTrue();
    assertThat(member("quiet", "max").has("muted")).isFalse();
    // Leaving and joining again does not lift a mute.
    ok(call(lea, ApiSubjects.ROOM_LEAVE, Map.of("room_id", "quiet")));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                lea.getStatus() == Connection.Status.CONNECTED
                    && lea.getStatistics().getReconnects() > 0);
    ok(call(lea, ApiSubjects.ROOM_JOIN, Map.of("room_id", "quiet")));
    assertThat(code(call(lea, ApiSubjects.SEND, Map.of("dialogue_id", "quiet", "content", "x"))))
        .isEqualTo("muted");
    // Direct messages are not affected by a room's mute.
    ok(call(lea, ApiSubjects.SEND, Map.of("recipient", "mona", "content", "sorry")));
    ok(call(mona, ApiSubjects.ROOM_UNMUTE, target("quiet", "lea")));
    ok(call(lea, ApiSubjects.SEND, Map.of("dialogue_id", "quiet", "content", "thanks")));
    assertThat(member("quiet", "lea").has("muted")).isFalse();
  }

  @Test
  void aTimedMuteEndsByItself() throws Exception {
    room("timed");
    assertThat(
            code(
                call(
                    mona,
                    ApiSubjects.ROOM_MUTE,
                    Map.of(
                        "room_id",
                        "timed",
                        "user_id",
                        "max",
                        "until",
                        Instant.now().minusSeconds(5).toString()))))
        .isEqualTo("invalid_request");
    Instant until =
        Instant.now().plusMillis(1500).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    ok(
        call(
            mona,
            ApiSubjects.ROOM_MUTE,
            Map.of("room_id", "timed", "user_id", "max", "until", until.toString())));
    assertThat(member("timed", "max").get("muted_until").asText()).isEqualTo(until.toString());
    assertThat(code(call(max, ApiSubjects.SEND, Map.of("dialogue_id", "timed", "content", "a"))))
        .isEqualTo("muted");
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                !"error"
                    .equals(
                        call(max, ApiSubjects.SEND, Map.of("dialogue_id", "timed", "content", "b"))
                            .path("type")
                            .asText()));
    assertThat(Instant.now()).isAfter(until);
  }

  @Test
  void aModeratorsBanCutsTheMemberOffLiveAndKeepsItOut() throws Exception {
    String token = env.user("bea");
    room("strict", "bea");
    Connection bea = env.connectAs("bea", token); // connects with the room's rights
    await().until(() -> online("bea")); // the server knows the connection, so it can kick it
    Subscription roomSub = bea.subscribe("chat.room.strict");
    bea.flush(Duration.ofSeconds(2));
    ok(call(olga, ApiSubjects.SEND, Map.of("dialogue_id", "strict", "content", "before")));
    assertThat(roomSub.nextMessage(Duration.ofSeconds(3))).isNotNull();
    long reconnects = bea.getStatistics().getReconnects();
    ok(call(mona, ApiSubjects.ROOM_BAN, target("strict", "bea")));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                bea.getStatus() == Connection.Status.CONNECTED
                    && bea.getStatistics().getReconnects() > reconnects);
    ok(call(olga, ApiSubjects.SEND, Map.of("dialogue_id", "strict", "content", "after")));
    Message leaked = roomSub.nextMessage(Duration.ofMillis(300));
    assertThat(leaked).as("room message after the ban").isNull();
    assertThat(code(call(bea, ApiSubjects.ROOM_JOIN, Map.of("room_id", "strict"))))
        .isEqualTo("banned");
    assertThat(code(call(bea, ApiSubjects.HISTORY, Map.of("dialogue_id", "strict"))))
        .isEqualTo("not_member");
    assertThat(code(call(mel, ApiSubjects.ROOM_UNBAN, target("strict", "bea"))))
        .isEqualTo("forbidden");
    ok(call(mona, ApiSubjects.ROOM_UNBAN, target("strict", "bea")));
    ok(call(bea, ApiSubjects.ROOM_JOIN, Map.of("room_id", "strict")));
  }

  private static boolean online(String user) throws Exception {
    JsonNode list = ok(call(env.admin(), ApiSubjects.PRESENCE, Map.of("user_ids", List.of(user))));
    return list.get("users").get(0).get("status").asText().equals("online");
  }

  private static JsonNode member(String room, String user) throws Exception {
    for (JsonNode m :
        ok(call(olga, ApiSubjects.ROOM_MEMBERS, Map.of("room_id", room))).get("members")) {
      if (m.get("user_id").asText().equals(user)) {
        return m;
      }
    }
    throw new AssertionError(user + " is not a member of " + room);
  }

  private static String role(String room, String user) throws Exception {
    return member(room, user).get("role").asText();
  }

  private static JsonNode nextOfType(Subscription events, String type) throws Exception {
    while (true) {
      Message m = events.nextMessage(Duration.ofSeconds(3));
      assertThat(m).as("a " + type + " event").isNotNull();
      JsonNode node = io.gaimace.protocol.ProtocolCodec.mapper().readTree(m.getData());
      if (type.equals(node.path("type").asText())) {
        return node;
      }
    }
  }
}
