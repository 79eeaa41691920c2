package io.gaimace.protocol;

import java.time.Instant;

/**
 * A change to an earlier chat message, stored in the dialogue's own log after it (additive
 * extension: {@code edit}, {@code delete} and {@code reaction}). Because it is in the log, it is
 * delivered live on the dialogue's chat subject like a message and recovered from history like one,
 * with its own stream sequence; clients that do not know these types ignore them.
 *
 * <p>The server stamps {@code sender} (who made the change), {@code timestamp} and the position;
 * {@code seq} is the entry's own stream sequence, set when it is read back.
 */
public sealed interface MessageEvent permits MessageEdit, MessageDelete, MessageReaction {
  /** The dialogue of the changed message. */
  String dialogueId();

  /** The id of the changed message. */
  String messageId();

  /** Who made the change. */
  String sender();

  /** When the server accepted the change. */
  Instant timestamp();

  /** Nullable: this entry's stream sequence. */
  @Nullable
  Long seq();

  /** The same event with its stream sequence. */
  MessageEvent withSeq(long seq);

  /** The wire {@code type}. */
  String type();
}
