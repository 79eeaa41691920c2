package io.gaimace.agent.internal;

import io.gaimace.agent.AgentLimits;
import io.gaimace.protocol.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounded history an agent answers from: the newest messages of a page of history, oldest
 * first, within {@link AgentLimits#contextChars()} (the newest message is always kept), without
 * agents' error notices or deleted messages, and always with the message being answered.
 */
final class ContextWindow {
  private ContextWindow() {}

  static List<ChatMessage> of(ChatMessage answering, List<ChatMessage> page, AgentLimits limits) {
    List<ChatMessage> kept = new ArrayList<>();
    int chars = 0;
    for (int i = page.size() - 1; i >= 0; i--) {
      ChatMessage h = page.get(i);
      boolean notice = h.agent() != null && h.agent().error() != null;
      if (notice || Boolean.TRUE.equals(h.deleted())) {
        continue;
      }
      chars += h.content().length();
      if (chars > limits.contextChars() && !kept.isEmpty()) {
        break;
      }
      kept.add(0, h);
    }
    if (kept.stream().noneMatch(h -> h.id() != null && h.id().equals(answering.id()))) {
      kept.add(answering); // not in the page (pushed out, or not stored yet): always there
    }
    return kept;
  }
}
