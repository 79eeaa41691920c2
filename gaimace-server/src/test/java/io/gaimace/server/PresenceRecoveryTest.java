package io.gaimace.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.Presence;
import io.gaimace.protocol.PresenceStatus;
import io.gaimace.protocol.ProtocolCodec;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Presence stays right when users leave while no Gaimace server instance is running. */
class PresenceRecoveryTest {
  @Test
  void connectionsThatEndedWhileNoServerRanAreSweptOffline() throws Exception {
    try (GaimaceFixture env = GaimaceFixture.start()) {
      Connection watcher = env.connectAs("watcher", env.user("watcher"));
      String token = env.user("val");
      Subscription sub = watcher.subscribe("presence.val");
      watcher.flush(Duration.ofSeconds(2));
      Connection val = env.connectAs("val", token);
      assertThat(next(sub).status()).isEqualTo(PresenceStatus.ONLINE);
      env.server().close(); // no instance sees the disconnect
      env.servers().clear();
      val.close();
      env.startServer(); // asks the NATS server which connections are live
      Presence offline = next(sub);
      assertThat(offline.status()).isEqualTo(PresenceStatus.OFFLINE);
      assertThat(offline.userId()).isEqualTo("val");
    }
  }

  private static Presence next(Subscription sub) throws InterruptedException {
    Message m = sub.nextMessage(Duration.ofSeconds(8));
    assertThat(m).as("presence message").isNotNull();
    return ProtocolCodec.decode(m.getData(), Presence.class);
  }
}
