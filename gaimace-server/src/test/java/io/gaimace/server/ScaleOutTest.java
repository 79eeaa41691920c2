package io.gaimace.server;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.server.config.Limits;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Several server instances on one NATS share the work without duplicates or gaps. */
class ScaleOutTest {
  @Test
  void concurrentSendsThroughTwoInstancesAreStoredOnceWithGapFreePositions() throws Exception {
    try (GaimaceFixture env =
        GaimaceFixture.start(b -> b.limits(new Limits(4096, 100, 500, 1000, 1000)))) {
      env.startServer();
      Connection a = env.connectAs("amy", env.user("amy"));
      Connection b = env.connectAs("bob", env.user("bob"));
      Connection reader = env.connectAs("rex", env.user("rex"));
      ok(
          call(
              a,
              ApiSubjects.ROOM_CREATE,
              Map.of("room_id", "busy", "members", List.of("bob", "rex"))));
      for (Connection c : List.of(a, b, reader)) {
        c.forceReconnect();
      }
      Subscription sub = reader.subscribe("chat.room.busy");
      reader.flush(Duration.ofSeconds(2));
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<CompletableFuture<Long>> positions = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        Connection sender = i % 2 == 0 ? a : b;
        int n = i;
        positions.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return ok(call(
                            sender,
                            ApiSubjects.SEND,
                            Map.of("dialogue_id", "busy", "content", "m" + n)))
                        .get("pos")
                        .asLong();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                },
                pool));
      }
      Set<Long> acked = new TreeSet<>();
      for (CompletableFuture<Long> f : positions) {
        acked.add(f.get());
      }
      pool.shutdown();
      assertThat(acked).hasSize(200).first().isEqualTo(1L);
      assertThat(acked).last().isEqualTo(200L);
      Set<String> delivered = new TreeSet<>();
      int messages = 0;
      Message m;
      while ((m = sub.nextMessage(Duration.ofSeconds(2))) != null) {
        if (m.getHeaders() != null && m.getHeaders().getFirst("Nats-Sequence") != null) {
          delivered.add(m.getHeaders().getFirst("Gaimace-Pos"));
          messages++;
        }
        if (messages == 200) {
          break;
        }
      }
      assertThat(messages).isEqualTo(200);
      assertThat(delivered).hasSize(200);
      assertThat(env.servers().stream().mapToLong(s -> s.metrics().sends()).sum()).isEqualTo(200);
      assertThat(env.servers()).allMatch(s -> s.metrics().sends() > 0);
    }
  }

  @Test
  void eachUserIsRateLimited() throws Exception {
    try (GaimaceFixture env =
        GaimaceFixture.start(b -> b.limits(new Limits(4096, 100, 500, 1, 3)))) {
      Connection a = env.connectAs("amy", env.user("amy"));
      env.user("bob");
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        var reply = call(a, ApiSubjects.SEND, Map.of("recipient", "bob", "content", "spam " + i));
        codes.add(reply.path("code").asText("ok"));
      }
      assertThat(codes.subList(0, 3)).containsOnly("ok");
      assertThat(codes).contains("rate_limited");
      var history = ok(call(a, ApiSubjects.HISTORY, Map.of("dialogue_id", "amy+bob")));
      assertThat(history.get("messages").size())
          .isEqualTo(codes.stream().filter("ok"::equals).count());
    }
  }
}
