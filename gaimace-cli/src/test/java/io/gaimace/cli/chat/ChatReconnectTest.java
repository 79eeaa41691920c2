package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.RoomInfo;
import io.gaimace.server.GaimaceFixture;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat says when its connection is lost and when it is back, and goes on working. */
@Timeout(120)
class ChatReconnectTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void saysConnectionLostThenReconnectedAndGoesOn() throws Exception {
    try (GaimaceFixture env = GaimaceFixture.start()) {
      env.user("kim");
      GaimaceFixture.ok(
          GaimaceFixture.call(
              env.admin(),
              ApiSubjects.ROOM_CREATE,
              new CreateRoomRequest("yard", "Yard", null, RoomInfo.PUBLIC, List.of("kim"))));
      try (HeadlessChat kim = HeadlessChat.start(env, "kim")) {
        kim.view().await(WAIT, "── #yard · Yard ──");

        env.nats().stop();
        kim.view().await(WAIT, "connection lost, reconnecting…");
        assertThat(kim.view().status()).startsWith("◌ reconnecting…");

        env.nats().restart();
        kim.view().await(WAIT, "\nreconnected\n");
        Awaitility.await()
            .atMost(WAIT)
            .untilAsserted(() -> assertThat(kim.view().status()).startsWith("● connected │ #yard"));

        kim.type("still here");
        kim.view().await(WAIT, "kim: still here");
      }
    }
  }
}
