package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.AgentMeta;
import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Flow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /poll}, {@code /chain} and {@code /agents}, and how flow messages are tagged. */
class FlowCommandsTest {
  @Test
  void pollAndChainTakeAgentsThenTheQuestion() {
    assertThat(CommandParser.parse("/poll @alpha @beta what is 2+2?"))
        .isEqualTo(new ChatInput.StartFlow(false, List.of("alpha", "beta"), "what is 2+2?"));
    assertThat(CommandParser.parse("/chain @gamma  @alpha improve @this plan"))
        .isEqualTo(new ChatInput.StartFlow(true, List.of("gamma", "alpha"), "improve @this plan"));
    assertThat(CommandParser.parse("/agents")).isEqualTo(new ChatInput.Agents());
  }

  @Test
  void flowsNeedAgentsAndAQuestion() {
    assertThat(CommandParser.parse("/poll what?")).isInstanceOf(ChatInput.Invalid.class);
    assertThat(CommandParser.parse("/chain @a @b")).isInstanceOf(ChatInput.Invalid.class);
    assertThat(CommandParser.parse("/poll @Bad! x")).isInstanceOf(ChatInput.Invalid.class);
  }

  @Test
  void flowMessagesShowTheirProgress() {
    Flow chain = new Flow("f1", Flow.CHAIN, List.of("a", "b", "c"), 0);
    assertThat(LineFormatter.agentTag(message(new AgentMeta(null, 0, chain, null))))
        .isEqualTo("[chain → @a @b @c]");
    assertThat(LineFormatter.agentTag(message(new AgentMeta("s", 2, chain.atStep(2), null))))
        .isEqualTo("[chain 2/3]");
    Flow poll = new Flow("f2", Flow.POLL, List.of("a", "b"), 1);
    assertThat(LineFormatter.agentTag(message(new AgentMeta("s", 1, poll, null))))
        .isEqualTo("[poll answer]");
    assertThat(LineFormatter.agentTag(message(new AgentMeta(null, 1, null, "llm_timeout"))))
        .isEqualTo("[error]");
    assertThat(LineFormatter.agentTag(message(null))).isNull();
  }

  private static ChatMessage message(AgentMeta agent) {
    return new ChatMessage("a", "lobby", null, Instant.now(), "text", "id", 1L, null)
        .toBuilder().agent(agent).build();
  }
}
