package io.gaimace.server.streams;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.StreamEvent;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.server.GaimaceFixture;
import io.gaimace.server.config.ServerConfig;
import io.gaimace.server.nats.Accounts;
import io.gaimace.server.nats.Buckets;
import io.gaimace.server.nats.ServerConnections;
import io.gaimace.server.nats.StoreSetup;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stream whose agent died is cancelled as expired, and members are told. */
class StreamExpiryTest {
  @Test
  void anAbandonedStreamExpires() throws Exception {
    try (GaimaceFixture env = GaimaceFixture.start()) {
      Connection bot = env.connectAs("bot", env.user("bot", "agent"));
      Connection ann = env.connectAs("ann", env.user("ann"));
      ok(call(ann, ApiSubjects.ROOM_CREATE, Map.of("room_id", "den", "members", List.of("bot"))));
      bot.forceReconnect();
      ann.forceReconnect();
      String fresh = open(bot);
      String stale = open(bot);
      ServerConfig config =
          ServerConfig.builder(env.secrets()).natsUrl(env.nats().clientUrl()).build();
      try (Connection chat =
          ServerConnections.service(config, Accounts.SERVICE_USER_CHAT, "expiry-test")) {
        Buckets<StreamRecord> bucket =
            StoreSetup.bucket(chat, "gaimace-streams", StreamRecord.class);
        StreamRecord r = bucket.get(stale).orElseThrow();
        bucket.put(
            stale,
            new StreamRecord(
                r.streamId(),
                r.dialogueId(),
                r.sender(),
                null,
                null,
                "half an ans",
                3,
                StreamEvent.OPEN,
                null,
                null,
                Instant.now().minus(Duration.ofMinutes(5))));
        Subscription sub = ann.subscribe("chat.room.den");
        ann.flush(Duration.ofSeconds(2));
        try (StreamSweeper sweeper = new StreamSweeper(bucket, chat, Clock.systemUTC())) {
          sweeper.sweep();
        }
        Message m = sub.nextMessage(Duration.ofSeconds(5));
        assertThat(m).isNotNull();
        StreamEvent e = ProtocolCodec.mapper().readValue(m.getData(), StreamEvent.class);
        assertThat(e.streamId()).isEqualTo(stale);
        assertThat(e.state()).isEqualTo(StreamEvent.CANCELLED);
        assertThat(e.by()).isNull();
        assertThat(e.text()).isEqualTo("half an ans");
        assertThat(bucket.get(fresh).orElseThrow().open()).isTrue();
        assertThat(
                call(bot, ApiSubjects.STREAM_APPEND, Map.of("stream_id", stale, "delta", "x"))
                    .get("code")
                    .asText())
            .isEqualTo("conflict");
      }
    }
  }

  private static String open(Connection c) throws Exception {
    return ok(call(c, ApiSubjects.STREAM_START, Map.of("dialogue_id", "den")))
        .get("stream_id")
        .asText();
  }
}
