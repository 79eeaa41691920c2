package io.gaimace.server.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.Reaction;
import io.gaimace.server.GaimaceFixture;
import io.gaimace.server.nats.Accounts;
import io.gaimace.server.nats.Buckets;
import io.gaimace.server.nats.StoreSetup;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Many states read at once with direct gets give what single KV gets give, without falling back.
 */
class StateReadsTest {
  @Test
  void directGetsReadPresentMissingAndDeletedKeys() throws Exception {
    try (GaimaceFixture env = GaimaceFixture.start();
        Connection chat =
            Nats.connect(
                new Options.Builder()
                    .server(env.nats().clientUrl())
                    .userInfo(Accounts.SERVICE_USER_CHAT, env.secrets().servicePassword())
                    .build())) {
      Buckets<MessageState> bucket =
          StoreSetup.bucket(chat, StoreSetup.MESSAGE_STATE, MessageState.class);
      MessageState plain = new MessageState(3, 1, "ann", null, null, null, null, null, null);
      MessageState reacted =
          new MessageState(
              4,
              2,
              "ben",
              "m1",
              null,
              null,
              null,
              List.of(new Reaction("👍🏽", List.of("cy"))),
              null);
      bucket.put("room.x.m1", plain);
      bucket.put("room.x.m2", reacted);
      bucket.put("room.x.m3", plain);
      bucket.delete("room.x.m3");
      List<String> fellBack = new ArrayList<>();
      List<Optional<MessageState>> got =
          new StateReads(chat)
              .read(
                  Arrays.asList("room.x.m1", null, "room.x.m2", "room.x.none", "room.x.m3"),
                  k -> {
                    fellBack.add(k);
                    return bucket.get(k);
                  });
      assertThat(got)
          .containsExactly(
              Optional.of(plain),
              Optional.empty(),
              Optional.of(reacted),
              Optional.empty(),
              Optional.empty());
      assertThat(fellBack).as("every answer was read directly").isEmpty();
    }
  }
}
