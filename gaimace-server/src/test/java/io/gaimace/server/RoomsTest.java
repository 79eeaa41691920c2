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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rooms, membership, and membership changes taking effect on live connections. */
class RoomsTest {
  static GaimaceFixture env;
  static String ownerToken;
  static String guestToken;

  @BeforeAll
  static void start() throws Exception {
    env = GaimaceFixture.start();
    ownerToken = env.user("owner");
    guestToken = env.user("guest");
    env.user("third");
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  @Test
  void publicRoomsAreOpenAndPrivateRoomsNeedAnInvitation() throws Exception {
    Connection owner = env.connectAs("owner", ownerToken);
    Connection guest = env.connectAs("guest", guestToken);
    ok(
        call(
            owner,
            ApiSubjects.ROOM_CREATE,
            Map.of("room_id", "hall", "visibility", "public", "topic", "all welcome")));
    ok(call(owner, ApiSubjects.ROOM_CREATE, Map.of("room_id", "vault")));
    assertThat(call(owner, ApiSubjects.ROOM_CREATE, Map.of("room_id", "hall")).get("code").asText())
        .isEqualTo("conflict");
    JsonNode joined = ok(call(guest, ApiSubjects.ROOM_JOIN, Map.of("room_id", "hall")));
    assertThat(joined.get("role").asText()).isEqualTo("member");
    assertThat(call(guest, ApiSubjects.ROOM_JOIN, Map.of("room_id", "vault")).get("code").asText())
        .isEqualTo("forbidden");
    assertThat(
            call(guest, ApiSubjects.ROOM_MEMBERS, Map.of("room_id", "vault")).get("code").asText())
        .isEqualTo("not_member");
    List<String> visible = new ArrayList<>();
    ok(call(guest, ApiSubjects.ROOM_LIST, Map.of()))
        .get("rooms")
        .forEach(r -> visible.add(r.get("room_id").asText()));
    assertThat(visible).contains("hall").doesNotContain("vault");
    JsonNode members = ok(call(owner, ApiSubjects.ROOM_MEMBERS, Map.of("room_id", "hall")));
    assertThat(members.get("members")).hasSize(2);
    assertThat(call(guest, ApiSubjects.ROOM_JOIN, Map.of("room_id", "nope")).get("code").asText())
        .isEqualTo("not_found");
  }

  @Test
  void anInvitedMemberReadsAtOnceAfterReauthorizing() throws Exception {
    Connection owner = env.connectAs("owner", ownerToken);
    Connection third = env.connectAs("third", env.token("third"));
    ok(call(owner, ApiSubjects.ROOM_CREATE, Map.of("room_id", "club")));
    Subscription events = third.subscribe("gaimace.user.third");
    third.flush(Duration.ofSeconds(2));
    ok(call(owner, ApiSubjects.ROOM_INVITE, Map.of("room_id", "club", "user_id", "third")));
    Message event = events.nextMessage(Duration.ofSeconds(3));
    assertThat(new String(event.getData()))
        .contains("\"membership\"")
        .contains("\"club\"")
        .contains("added");
    long start = System.nanoTime();
    third.forceReconnect(); // what the SDK does on a membership event
    Subscription room = third.subscribe("chat.room.club");
    third.flush(Duration.ofSeconds(2));
    ok(call(owner, ApiSubjects.SEND, Map.of("dialogue_id", "club", "content", "welcome")));
    assertThat(room.nextMessage(Duration.ofSeconds(3))).isNotNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void aRemovedMemberStopsReceivingWhateverItsClientDoes() throws Exception {
    Connection owner = env.connectAs("owner", ownerToken);
    String token = env.token("guest");
    ok(
        call(
            owner,
            ApiSubjects.ROOM_CREATE,
            Map.of("room_id", "crew", "members", List.of("guest"))));
    Connection guest = env.connectAs("guest", token);
    await().until(() -> online("guest"));
    Subscription room = guest.subscribe("chat.room.crew");
    Subscription dm = guest.subscribe("chat.private.guest.owner");
    guest.flush(Duration.ofSeconds(2));
    ok(call(owner, ApiSubjects.SEND, Map.of("dialogue_id", "crew", "content", "before")));
    assertThat(room.nextMessage(Duration.ofSeconds(3))).isNotNull();
    ok(call(owner, ApiSubjects.ROOM_REMOVE, Map.of("room_id", "crew", "user_id", "guest")));
    // The guest's client keeps its subscription and reconnects on its own; the server cut it off
    // and the callout no longer grants the room.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                guest.getStatus() == Connection.Status.CONNECTED
                    && guest.getStatistics().getReconnects() > 0);
    ok(call(owner, ApiSubjects.SEND, Map.of("dialogue_id", "crew", "content", "after")));
    ok(call(owner, ApiSubjects.SEND, Map.of("recipient", "guest", "content", "marker")));
    assertThat(dm.nextMessage(Duration.ofSeconds(3))).isNotNull();
    Message leaked = room.nextMessage(Duration.ofMillis(100));
    assertThat(leaked).as("room message after removal").isNull();
    assertThat(call(guest, ApiSubjects.HISTORY, Map.of("dialogue_id", "crew")).get("code").asText())
        .isEqualTo("not_member");
  }

  @Test
  void aBannedUserCannotRejoinUntilUnbanned() throws Exception {
    Connection owner = env.connectAs("owner", ownerToken);
    Connection guest = env.connectAs("guest", env.token("guest"));
    ok(call(owner, ApiSubjects.ROOM_CREATE, Map.of("room_id", "arena", "visibility", "public")));
    ok(call(guest, ApiSubjects.ROOM_JOIN, Map.of("room_id", "arena")));
    assertThat(
            call(guest, ApiSubjects.ROOM_BAN, Map.of("room_id", "arena", "user_id", "owner"))
                .get("code")
                .asText())
        .isEqualTo("forbidden");
    ok(call(owner, ApiSubjects.ROOM_BAN, Map.of("room_id", "arena", "user_id", "guest")));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> guest.getStatus() == Connection.Status.CONNECTED);
    assertThat(call(guest, ApiSubjects.ROOM_JOIN, Map.of("room_id", "arena")).get("code").asText())
        .isEqualTo("banned");
    ok(call(owner, ApiSubjects.ROOM_UNBAN, Map.of("room_id", "arena", "user_id", "guest")));
    ok(call(guest, ApiSubjects.ROOM_JOIN, Map.of("room_id", "arena")));
  }

  @Test
  void leavingDropsTheRoom() throws Exception {
    Connection owner = env.connectAs("owner", ownerToken);
    ok(
        call(
            owner,
            ApiSubjects.ROOM_CREATE,
            Map.of("room_id", "temp", "members", List.of("third"))));
    Connection third = env.connectAs("third", env.token("third"));
    ok(call(third, ApiSubjects.ROOM_LEAVE, Map.of("room_id", "temp")));
    // The kick comes 250 ms after the reply: wait for the reconnect, not just for "connected".
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                third.getStatus() == Connection.Status.CONNECTED
                    && third.getStatistics().getReconnects() > 0);
    assertThat(
            call(third, ApiSubjects.SEND, Map.of("dialogue_id", "temp", "content", "x"))
                .get("code")
                .asText())
        .isEqualTo("not_member");
    assertThat(call(third, ApiSubjects.ROOM_LEAVE, Map.of("room_id", "temp")).get("code").asText())
        .isEqualTo("not_member");
  }

  private static boolean online(String user) throws Exception {
    JsonNode list = ok(call(env.admin(), ApiSubjects.PRESENCE, Map.of("user_ids", List.of(user))));
    return list.get("users").get(0).get("status").asText().equals("online");
  }
}
