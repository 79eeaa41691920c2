package io.gaimace.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gaimace.sdk.GaimaceClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agent-to-agent loops stop at the hop limit; replicas of one agent answer each message once. */
class SafeguardsTest {
  private static AgentHandler echo(String prefix) {
    return AgentHandler.replying(ctx -> prefix + ": " + ctx.message().content());
  }

  @Test
  void twoChattyAgentsStopAtTheHopLimit() throws Exception {
    try (Net net = new Net()) {
      GaimaceClient ann = net.human("ann");
      Watcher seen = new Watcher();
      ann.addListener(seen);
      for (String id : List.of("ping", "pong")) {
        net.track(
            Agent.builder(net.options(net.agentToken(id)))
                .name(id)
                .rooms(Net.ROOM)
                .answer(AnswerPolicy.EVERY)
                .handler(echo(id))
                .start());
      }
      ann.send(Net.ROOM, "hello agents").get();
      // hop 1: both answer ann; hop 2: each answers the other's; hop 3: again; then it stops
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> seen.messages.stream().filter(m -> m.agent() != null).count() >= 6);
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(5))
          .until(() -> seen.messages.stream().filter(m -> m.agent() != null).count() == 6);
      List<Integer> hops =
          seen.messages.stream()
              .filter(m -> m.agent() != null)
              .map(m -> m.agent().hops())
              .sorted()
              .toList();
      assertThat(hops).containsExactly(1, 1, 2, 2, 3, 3);
    }
  }

  @Test
  void twoReplicasOfOneAgentAnswerEachMessageOnce() throws Exception {
    try (Net net = new Net()) {
      GaimaceClient ann = net.human("ann");
      Watcher seen = new Watcher();
      ann.addListener(seen);
      String token = net.agentToken("helper");
      Agent a = net.track(replica(net, token, "a"));
      Agent b = net.track(replica(net, token, "b"));
      for (int i = 1; i <= 8; i++) {
        ann.send(Net.ROOM, "@helper question " + i).get();
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> seen.from("helper").size() >= 8);
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(5))
          .until(() -> seen.from("helper").size() == 8);
      List<String> answered =
          seen.from("helper").stream()
              .map(m -> m.content().substring(m.content().indexOf(':') + 1))
              .distinct()
              .toList();
      assertThat(answered).hasSize(8);
      assertThat(a.answered() + b.answered()).isEqualTo(8);
      assertThat(a.answered()).isPositive(); // both took a share (NATS picks at random)
      assertThat(b.answered()).isPositive();
    }
  }

  private static Agent replica(Net net, String token, String name) {
    return Agent.builder(net.options(token))
        .name("Helper")
        .rooms(Net.ROOM)
        .replicas(true)
        .handler(AgentHandler.replying(ctx -> "replica " + name + ":" + ctx.message().content()))
        .start();
  }

  @Test
  void answersBeyondTheRateAreNotStarted() throws Exception {
    try (Net net = new Net()) {
      GaimaceClient ann = net.human("ann");
      Watcher seen = new Watcher();
      ann.addListener(seen);
      Agent slow =
          net.track(
              Agent.builder(net.options(net.agentToken("slow")))
                  .name("Slow")
                  .rooms(Net.ROOM)
                  .limits(new AgentLimits(3, 1, 2, 10, 4000, Duration.ofSeconds(30)))
                  .handler(AgentHandler.replying(ctx -> "ok"))
                  .start());
      for (int i = 1; i <= 4; i++) {
        ann.send(Net.ROOM, "@slow " + i).get();
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.from("slow").size() >= 2);
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(5))
          .until(() -> seen.from("slow").size() == 2);
      assertThat(slow.answered()).isEqualTo(2);
    }
  }
}
