package io.gaimace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.SendAck;
import io.gaimace.server.GaimaceFixture;
import io.gaimace.server.config.Limits;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mixed traffic with connection churn for {@code gaimace.soak.minutes} (default 10): steady senders
 * in three rooms, a watcher that stays connected throughout, and a client that is closed and
 * replaced every few seconds. Afterwards every send is acknowledged, the watcher has every message
 * exactly once in order, and the JVM's heap (after GC) and thread count have not grown beyond the
 * stated bounds since the first minute. Runs only with {@code ./test.sh -Psoak}.
 */
@Tag("soak")
class SoakTest {
  @Test
  void tenMinutesOfMixedTrafficWithChurn() throws Exception {
    long minutes = Long.getLong("gaimace.soak.minutes", 10);
    try (GaimaceFixture env =
        GaimaceFixture.start(b -> b.limits(new Limits(4096, 100, 500, 1000, 1000)))) {
      String[] rooms = {"alpha", "beta", "gamma"};
      GaimaceClient host = client(env, env.user("host"));
      for (String r : rooms) {
        host.blocking(Duration.ofSeconds(10))
            .createRoom(new CreateRoomRequest(r, null, null, "public", null));
      }
      GaimaceClient watcher = client(env, env.user("watcher"));
      Recorder watched = new Recorder();
      watcher.addListener(watched);
      for (String r : rooms) {
        watcher.blocking(Duration.ofSeconds(10)).joinRoom(r);
      }
      List<GaimaceClient> senders = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        GaimaceClient s = client(env, env.user("sender" + i));
        for (String r : rooms) {
          s.blocking(Duration.ofSeconds(10)).joinRoom(r);
        }
        senders.add(s);
      }
      String churnToken = env.user("churner");
      GaimaceClient churner = client(env, churnToken);

      Traffic traffic = new Traffic(env, senders, rooms, churnToken, churner);
      java.util.concurrent.ScheduledExecutorService pace =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
      // 20 messages a second; the first minute's usage is the baseline.
      pace.scheduleAtFixedRate(traffic::step, 0, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
      long[] baseline = null;
      if (minutes > 1) {
        pace.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        baseline = usage();
      }
      pace.awaitTermination(
          Duration.ofMinutes(minutes).toMillis() - (baseline == null ? 0 : 60_000),
          java.util.concurrent.TimeUnit.MILLISECONDS);
      pace.shutdown();
      pace.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(traffic.failure).as("traffic errors").isNull();
      List<CompletableFuture<SendAck>> sends = traffic.sends;
      int n = sends.size();
      churner = traffic.churner;
      for (CompletableFuture<SendAck> f : sends) {
        f.get();
      }
      List<ChatMessage> got = Recorder.take(watched.messages, n, Duration.ofSeconds(30));
      assertThat(got).extracting(ChatMessage::content).doesNotHaveDuplicates().hasSize(n);
      long[] after = usage();
      if (baseline != null) {
        assertThat(after[1]).as("threads").isLessThanOrEqualTo(baseline[1] + 10);
        assertThat(after[0])
            .as("heap bytes after GC")
            .isLessThanOrEqualTo(baseline[0] * 3 / 2 + (32L << 20));
      }
      System.out.printf(
          "soak: %d messages in %d min; heap after GC %d MiB (first minute %d MiB); threads %d (first minute %d)%n",
          n,
          minutes,
          after[0] >> 20,
          baseline == null ? -1 : baseline[0] >> 20,
          after[1],
          baseline == null ? -1 : baseline[1]);
      churner.close();
      watcher.close();
      host.close();
      senders.forEach(GaimaceClient::close);
    }
  }

  /** One step of traffic: a message, a typing indicator, and every 50 steps a churned client. */
  private static final class Traffic {
    final GaimaceFixture env;
    final List<GaimaceClient> senders;
    final String[] rooms;
    final String churnToken;
    final List<CompletableFuture<SendAck>> sends = new ArrayList<>();
    volatile GaimaceClient churner;
    volatile Throwable failure;

    Traffic(
        GaimaceFixture env,
        List<GaimaceClient> senders,
        String[] rooms,
        String churnToken,
        GaimaceClient churner) {
      this.env = env;
      this.senders = senders;
      this.rooms = rooms;
      this.churnToken = churnToken;
      this.churner = churner;
    }

    void step() {
      try {
        int n = sends.size();
        GaimaceClient s = senders.get(n % senders.size());
        String room = rooms[ThreadLocalRandom.current().nextInt(rooms.length)];
        sends.add(s.send(room, "msg " + n));
        s.typing(room);
        if ((n + 1) % 50 == 0) {
          churner.close(); // connection churn: a user leaves and comes back
          churner = client(env, churnToken);
        }
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
    }
  }

  private static long[] usage() {
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new long[] {heap, Thread.activeCount()};
  }

  private static GaimaceClient client(GaimaceFixture env, String token) {
    return Gaimace.connect(ClientOptions.builder(token).server(env.nats().clientUrl()).build());
  }
}
