package io.gaimace.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Flow;
import io.gaimace.protocol.Profile;
import io.gaimace.protocol.api.DirectoryRequest;
import io.gaimace.sdk.GaimaceClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Roll call, directory search by capability, and poll and chain flows with three agents. */
class DiscoveryAndFlowsTest {
  private static Net net;
  private static GaimaceClient ann;
  private static Watcher seen;
  private static final Map<String, DialogueContext> lastContext = new ConcurrentHashMap<>();
  private static final CountDownLatch pollGate = new CountDownLatch(3);

  @BeforeAll
  static void start() throws Exception {
    net = new Net();
    ann = net.human("ann");
    seen = new Watcher();
    ann.addListener(seen);
    agent("alpha", "summarize", "translate");
    agent("beta", "summarize");
    agent("gamma", "math");
  }

  @AfterAll
  static void stop() throws Exception {
    net.close();
  }

  private static void agent(String id, String... capabilities) throws Exception {
    net.track(
        Agent.builder(net.options(net.agentToken(id)))
            .name(id.substring(0, 1).toUpperCase() + id.substring(1))
            .description("Agent " + id)
            .capabilities(capabilities)
            .model("test-model")
            .rooms(Net.ROOM)
            .answer(AnswerPolicy.DM) // in the room they speak only when a flow names them
            .handler(
                (ctx, reply) -> {
                  lastContext.put(id, ctx);
                  if (ctx.flow() != null && ctx.flow().kind().equals(Flow.POLL)) {
                    pollGate.countDown(); // a poll runs everyone at once: wait for all three
                    pollGate.await(10, TimeUnit.SECONDS);
                  }
                  reply.append(id + " says ");
                  reply.append(String.valueOf(ctx.history().size()));
                })
            .start());
  }

  @Test
  void aRollCallReturnsEveryOnlineAgentsProfile() throws Exception {
    List<Profile> answers = ann.rollCall(Duration.ofMillis(1500)).get();
    assertThat(answers).extracting(Profile::userId).containsExactly("alpha", "beta", "gamma");
    Profile alpha = answers.get(0);
    assertThat(alpha.name()).isEqualTo("Alpha");
    assertThat(alpha.description()).isEqualTo("Agent alpha");
    assertThat(alpha.capabilities()).containsExactly("summarize", "translate");
    assertThat(alpha.model()).isEqualTo("test-model");
  }

  @Test
  void theDirectoryFindsAgentsByCapability() throws Exception {
    List<Profile> found =
        ann.directory(new DirectoryRequest(null, "agent", null, "SUMMARIZE")).get();
    assertThat(found).extracting(Profile::userId).containsExactly("alpha", "beta");
    assertThat(ann.directory(new DirectoryRequest(null, null, null, "cooking")).get()).isEmpty();
  }

  @Test
  void aPollIsAnsweredByEveryNamedAgentAtOnce() throws Exception {
    var ack = ann.poll(Net.ROOM, List.of("alpha", "beta", "gamma"), "what is 2+2?").get();
    await().atMost(Duration.ofSeconds(20)).until(() -> flowAnswers(ack.id()).size() == 3);
    List<ChatMessage> answers = flowAnswers(ack.id());
    assertThat(answers)
        .extracting(ChatMessage::sender)
        .containsExactlyInAnyOrder("alpha", "beta", "gamma");
    assertThat(answers).allSatisfy(m -> assertThat(m.agent().flow().step()).isEqualTo(1));
    assertThat(answers).allSatisfy(m -> assertThat(m.agent().flow().kind()).isEqualTo("poll"));
  }

  @Test
  void aChainIsAnsweredInOrderEachAgentSeeingTheEarlierAnswers() throws Exception {
    var ack = ann.chain(Net.ROOM, List.of("gamma", "alpha", "beta"), "improve this plan").get();
    await().atMost(Duration.ofSeconds(20)).until(() -> flowAnswers(ack.id()).size() == 3);
    List<ChatMessage> answers = flowAnswers(ack.id());
    assertThat(answers).extracting(ChatMessage::sender).containsExactly("gamma", "alpha", "beta");
    assertThat(answers).extracting(m -> m.agent().flow().step()).containsExactly(1, 2, 3);
    // beta, last, saw the question and both earlier answers in its context
    List<String> betaSaw =
        lastContext.get("beta").history().stream().map(ChatMessage::content).toList();
    assertThat(betaSaw).contains("improve this plan");
    assertThat(betaSaw).anyMatch(c -> c.startsWith("gamma says"));
    assertThat(betaSaw).anyMatch(c -> c.startsWith("alpha says"));
    assertThat(betaSaw.indexOf(answers.get(0).content()))
        .isLessThan(betaSaw.indexOf(answers.get(1).content()));
  }

  /** The agents' answers in the flow started by message {@code startId}. */
  private static List<ChatMessage> flowAnswers(String startId) {
    ChatMessage start =
        seen.messages.stream().filter(m -> startId.equals(m.id())).findFirst().orElse(null);
    if (start == null) {
      return List.of();
    }
    String flow = start.agent().flow().id();
    return seen.messages.stream()
        .filter(m -> m.agent() != null && m.agent().flow() != null)
        .filter(m -> m.agent().flow().id().equals(flow) && m.agent().flow().step() > 0)
        .toList();
  }
}
