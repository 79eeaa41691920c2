package io.gaimace.server;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.Presence;
import io.gaimace.protocol.PresenceStatus;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.Typing;
import io.gaimace.protocol.TypingStatus;
import io.gaimace.protocol.api.ApiSubjects;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presence from connection events with a grace period, announced exactly once with two server
 * instances running; typing on the protocol's subjects.
 */
class PresenceTest {
  static GaimaceFixture env;
  static Connection watcher;

  @BeforeAll
  static void start() throws Exception {
    env = GaimaceFixture.start();
    env.startServer(); // a second instance shares the work
    watcher = env.connectAs("watcher", env.user("watcher"));
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  @Test
  void aUserIsOfflineOnlyWhenItsLastConnectionHasBeenGoneForTheGracePeriod() throws Exception {
    String token = env.user("pat");
    Subscription sub = watcher.subscribe("presence.pat");
    watcher.flush(Duration.ofSeconds(2));
    Connection first = env.connectAs("pat", token);
    assertThat(next(sub).status()).isEqualTo(PresenceStatus.ONLINE);
    Connection second = env.connectAs("pat", token);
    first.close();
    // One connection remains: no offline within two grace periods.
    assertThat(sub.nextMessage(Duration.ofMillis(2500))).isNull();
    long closedAt = System.nanoTime();
    second.close();
    Presence offline = next(sub);
    assertThat(offline.status()).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(offline.lastSeen()).isNotNull();
    assertThat(Duration.ofNanos(System.nanoTime() - closedAt))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    // Exactly once, although two instances run the grace timers and the sweep.
    assertThat(sub.nextMessage(Duration.ofSeconds(3))).isNull();
    JsonNode list = ok(call(watcher, ApiSubjects.PRESENCE, Map.of("user_ids", List.of("pat"))));
    assertThat(list.get("users").get(0).get("status").asText()).isEqualTo("offline");
    assertThat(list.get("users").get(0).get("last_seen").asText()).isNotEmpty();
  }

  @Test
  void aQuickReconnectIsNotAnnounced() throws Exception {
    String token = env.user("quinn");
    Subscription sub = watcher.subscribe("presence.quinn");
    watcher.flush(Duration.ofSeconds(2));
    Connection c = env.connectAs("quinn", token);
    assertThat(next(sub).status()).isEqualTo(PresenceStatus.ONLINE);
    c.close();
    env.connectAs("quinn", token);
    assertThat(sub.nextMessage(Duration.ofMillis(2500))).isNull();
  }

  @Test
  void clientsPublishTheirOwnStatus() throws Exception {
    String token = env.user("rae");
    Subscription sub = watcher.subscribe("presence.rae");
    watcher.flush(Duration.ofSeconds(2));
    Connection rae = env.connectAs("rae", token);
    assertThat(next(sub).status()).isEqualTo(PresenceStatus.ONLINE);
    rae.publish(
        "presence.rae", ProtocolCodec.encode(new Presence("rae", PresenceStatus.AWAY, null)));
    assertThat(next(sub).status()).isEqualTo(PresenceStatus.AWAY);
    org.awaitility.Awaitility.await()
        .untilAsserted(
            () ->
                assertThat(
                        ok(call(watcher, ApiSubjects.PRESENCE, Map.of("user_ids", List.of("rae"))))
                            .get("users")
                            .get(0)
                            .get("status")
                            .asText())
                    .isEqualTo("away"));
  }

  @Test
  void typingReachesTheOtherMembers() throws Exception {
    Connection sam = env.connectAs("sam", env.user("sam"));
    ok(
        call(
            sam,
            ApiSubjects.ROOM_CREATE,
            Map.of("room_id", "desk", "members", List.of("watcher"))));
    sam.forceReconnect();
    watcher.forceReconnect();
    Subscription sub = watcher.subscribe("typing.desk");
    watcher.flush(Duration.ofSeconds(2));
    sam.publish(
        "typing.desk", ProtocolCodec.encode(new Typing("sam", TypingStatus.TYPING, "desk")));
    Message m = sub.nextMessage(Duration.ofSeconds(3));
    Typing t = ProtocolCodec.decode(m.getData(), Typing.class);
    assertThat(t.userId()).isEqualTo("sam");
    assertThat(t.dialogueId()).isEqualTo("desk");
    assertThat(t.status()).isEqualTo(TypingStatus.TYPING);
  }

  private static Presence next(Subscription sub) throws InterruptedException {
    Message m = sub.nextMessage(Duration.ofSeconds(5));
    assertThat(m).as("presence message").isNotNull();
    return ProtocolCodec.decode(m.getData(), Presence.class);
  }
}
