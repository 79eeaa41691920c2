package io.gaimace.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.agent.AgentLimits;
import io.gaimace.protocol.AgentMeta;
import io.gaimace.protocol.ChatMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history an agent sees is bounded, newest kept, notices left out. */
class ContextWindowTest {
  private static final AgentLimits LIMITS =
      new AgentLimits(3, 1, 10, 20, 100, Duration.ofMinutes(1));

  private static ChatMessage m(String id, String text) {
    return new ChatMessage("ann", "lobby", null, Instant.now(), text, id, 1L, null);
  }

  @Test
  void oldMessagesGoFirstWhenTheTextIsTooLong() {
    List<ChatMessage> page = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      page.add(m("m" + i, "x".repeat(30)));
    }
    List<ChatMessage> window = ContextWindow.of(page.get(9), page, LIMITS);
    assertThat(window).extracting(ChatMessage::id).containsExactly("m7", "m8", "m9");
  }

  @Test
  void errorNoticesAreLeftOutAndTheQuestionIsAlwaysThere() {
    ChatMessage notice =
        m("n", "⚠ failed").toBuilder().agent(new AgentMeta(null, 1, null, "llm_error")).build();
    ChatMessage question = m("q", "y".repeat(500));
    List<ChatMessage> window = ContextWindow.of(question, List.of(m("a", "hi"), notice), LIMITS);
    assertThat(window).extracting(ChatMessage::id).containsExactly("a", "q");
  }
}
