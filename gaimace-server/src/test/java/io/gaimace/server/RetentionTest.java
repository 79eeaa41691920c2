package io.gaimace.server;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.server.config.Limits;
import io.gaimace.server.config.Retention;
import io.gaimace.server.nats.Accounts;
import io.gaimace.server.nats.StoreSetup;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configured retention is applied to the stream and history respects it. */
class RetentionTest {
  @Test
  void aDialogueKeepsOnlyItsNewestMessagesAndPositionsGoOn() throws Exception {
    Retention retention = new Retention(Duration.ofHours(2), 5, 64L << 20, 1);
    try (GaimaceFixture env =
        GaimaceFixture.start(
            b -> b.retention(retention).limits(new Limits(4096, 100, 500, 1000, 1000)))) {
      Connection a = env.connectAs("amy", env.user("amy"));
      env.user("bob");
      for (int i = 1; i <= 8; i++) {
        ok(call(a, ApiSubjects.SEND, Map.of("recipient", "bob", "content", "m" + i)));
      }
      JsonNode page = ok(call(a, ApiSubjects.HISTORY, Map.of("dialogue_id", "amy+bob")));
      List<String> contents = new ArrayList<>();
      page.get("messages").forEach(m -> contents.add(m.get("content").asText()));
      assertThat(contents).containsExactly("m4", "m5", "m6", "m7", "m8");
      JsonNode ack = ok(call(a, ApiSubjects.SEND, Map.of("recipient", "bob", "content", "m9")));
      assertThat(ack.get("pos").asLong()).isEqualTo(9);

      try (Connection svc =
          Nats.connect(
              new Options.Builder()
                  .server(env.nats().clientUrl())
                  .userInfo(Accounts.SERVICE_USER_CHAT, env.secrets().servicePassword())
                  .build())) {
        StreamConfiguration sc =
            svc.jetStreamManagement().getStreamInfo(StoreSetup.MESSAGES).getConfiguration();
        assertThat(sc.getMaxAge()).isEqualTo(Duration.ofHours(2));
        assertThat(sc.getMaxMsgsPerSubject()).isEqualTo(5);
        assertThat(sc.getMaxBytes()).isEqualTo(64L << 20);
        assertThat(sc.getMaximumMessageSize()).isGreaterThanOrEqualTo(4096);
      }
    }
  }
}
