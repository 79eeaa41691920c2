package io.gaimace.server.messages;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.GaimaceMessage;
import io.gaimace.protocol.MessageEvent;

/**
 * An entry of a dialogue's log as read back from the stream, with its stream sequence and dialogue
 * position: a chat message, or an {@code edit}, {@code delete} or {@code reaction} of one.
 */
public record Stored(GaimaceMessage entry, long seq, long pos) {

  /** True when the entry is a chat message. */
  public boolean isChat() {
    return entry instanceof ChatMessage;
  }

  /**
   * The chat message.
   *
   * @throws IllegalStateException if the entry is an event; check {@link #isChat()} first
   */
  public ChatMessage message() {
    if (entry instanceof ChatMessage m) {
      return m;
    }
    throw new IllegalStateException("entry " + seq + " is a '" + entry.type() + "', no message");
  }

  /** The dialogue the entry belongs to. */
  public String dialogueId() {
    if (entry instanceof ChatMessage m) {
      return m.dialogueId();
    }
    if (entry instanceof MessageEvent e) {
      return e.dialogueId();
    }
    throw new IllegalStateException("entry " + seq + " is a '" + entry.type() + "'");
  }
}
