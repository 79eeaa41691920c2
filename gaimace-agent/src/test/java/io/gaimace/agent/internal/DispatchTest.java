package io.gaimace.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.agent.AnswerPolicy;
import io.gaimace.protocol.AgentMeta;
import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Flow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When an agent answers, and what its answer carries. */
class DispatchTest {
  private final Dispatch sage = new Dispatch("sage", "Sage", AnswerPolicy.MENTIONED, 3);

  private static ChatMessage msg(String sender, String dialogue, String text, AgentMeta agent) {
    return new ChatMessage(sender, dialogue, null, Instant.now(), text, "m1", 1L, null)
        .toBuilder().agent(agent).build();
  }

  private static boolean human(String user) {
    return false;
  }

  @Test
  void mentionsByIdOrNameAndDirectMessages() {
    assertThat(sage.decide(msg("ann", "lobby", "hi @sage!", null), DispatchTest::human).answer())
        .isTrue();
    assertThat(sage.decide(msg("ann", "lobby", "@SAGE, help", null), DispatchTest::human).answer())
        .isTrue();
    assertThat(sage.decide(msg("ann", "lobby", "@sagebrush", null), DispatchTest::human).answer())
        .isFalse();
    assertThat(sage.decide(msg("ann", "lobby", "no mention", null), DispatchTest::human).answer())
        .isFalse();
    assertThat(sage.decide(msg("ann", "ann+sage", "hello", null), DispatchTest::human).answer())
        .isTrue();
    assertThat(sage.decide(msg("sage", "ann+sage", "@sage", null), DispatchTest::human).answer())
        .isFalse();
    Dispatch dmOnly = new Dispatch("sage", "Sage", AnswerPolicy.DM, 3);
    assertThat(dmOnly.decide(msg("ann", "lobby", "@sage", null), DispatchTest::human).answer())
        .isFalse();
  }

  @Test
  void hopsCountUpAndStopAtTheLimit() {
    Decision first = sage.decide(msg("ann", "lobby", "@sage", null), DispatchTest::human);
    assertThat(first.reply().hops()).isEqualTo(1);
    AgentMeta two = new AgentMeta(null, 2, null, null);
    assertThat(sage.decide(msg("bot", "lobby", "@sage", two), u -> true).reply().hops())
        .isEqualTo(3);
    AgentMeta three = new AgentMeta(null, 3, null, null);
    assertThat(sage.decide(msg("bot", "lobby", "@sage", three), u -> true).answer()).isFalse();
    // an agent that does not count hops counts as one
    assertThat(sage.decide(msg("bot", "lobby", "@sage", null), u -> true).reply().hops())
        .isEqualTo(2);
    AgentMeta error = new AgentMeta(null, 1, null, "llm_error");
    assertThat(sage.decide(msg("bot", "lobby", "@sage", error), u -> true).answer()).isFalse();
  }

  @Test
  void pollsAndChainsAddressAgentsByTurn() {
    Flow chain = new Flow("f", Flow.CHAIN, List.of("quill", "sage"), 0);
    AgentMeta start = new AgentMeta(null, 0, chain, null);
    assertThat(sage.decide(msg("ann", "lobby", "q", start), DispatchTest::human).answer())
        .isFalse(); // quill goes first
    AgentMeta quillDone = new AgentMeta("s", 1, chain.atStep(1), null);
    Decision mine = sage.decide(msg("quill", "lobby", "a", quillDone), u -> true);
    assertThat(mine.answer()).isTrue();
    assertThat(mine.reply().flow().step()).isEqualTo(2);
    assertThat(sage.decide(msg("ann", "lobby", "fake", quillDone), u -> false).answer())
        .isFalse(); // step 1 must come from quill
    AgentMeta quillFailed = new AgentMeta(null, 1, chain.atStep(1), "llm_timeout");
    assertThat(sage.decide(msg("quill", "lobby", "⚠", quillFailed), u -> true).answer())
        .isTrue(); // the chain goes on past a failure
    Flow poll = new Flow("p", Flow.POLL, List.of("quill", "sage"), 0);
    Decision polled =
        sage.decide(msg("ann", "lobby", "q", new AgentMeta(null, 0, poll, null)), u -> false);
    assertThat(polled.answer()).isTrue();
    assertThat(polled.reply().flow().step()).isEqualTo(1);
    assertThat(
            sage.decide(
                    msg("quill", "lobby", "a", new AgentMeta(null, 1, poll.atStep(1), null)),
                    u -> true)
                .answer())
        .isFalse();
    Flow others = new Flow("o", Flow.POLL, List.of("quill"), 0);
    assertThat(
            sage.decide(
                    msg("ann", "lobby", "@sage q", new AgentMeta(null, 0, others, null)),
                    u -> false)
                .answer())
        .isFalse(); // a flow that does not name the agent is not for it, even with a mention
  }
}
