package io.gaimace.protocol.api;

import io.gaimace.protocol.ChatMessage;
import java.util.List;

/**
 * A page of one dialogue's messages, oldest first, each with its {@code seq}. {@code more} tells
 * whether messages exist beyond the page in the direction asked for.
 */
public record HistoryPage(String dialogueId, List<ChatMessage> messages, boolean more) {
  public HistoryPage {
    messages = List.copyOf(messages);
  }
}
