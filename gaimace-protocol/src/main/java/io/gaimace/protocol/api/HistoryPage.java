package io.gaimace.protocol.api;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.MessageEvent;
import io.gaimace.protocol.Nullable;
import java.util.List;

/**
 * A page of one dialogue's messages, oldest first, each with its {@code seq}. {@code more} tells
 * whether messages exist beyond the page in the direction asked for. Messages show their current
 * state: latest text, {@code edited_at}, {@code deleted} (with empty content), reactions.
 *
 * @param events nullable extension: in a recovery page ({@code after}), the {@code edit}, {@code
 *     delete} and {@code reaction} entries of the same range of the dialogue's log, oldest first;
 *     merged with {@code messages} by {@code seq} they are the log without gaps
 */
public record HistoryPage(
    String dialogueId,
    List<ChatMessage> messages,
    boolean more,
    @Nullable List<MessageEvent> events) {
  public HistoryPage {
    messages = List.copyOf(messages);
    events = events == null ? null : List.copyOf(events);
  }

  /** A page without events. */
  public HistoryPage(String dialogueId, List<ChatMessage> messages, boolean more) {
    this(dialogueId, messages, more, null);
  }
}
