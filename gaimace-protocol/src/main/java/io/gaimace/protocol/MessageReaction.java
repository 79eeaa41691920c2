package io.gaimace.protocol;

import java.time.Instant;

/**
 * A user added or removed an emoji reaction on a message ({@code "type":"reaction"}, additive
 * extension). Applying these in order to a message's {@code reactions} (add: put the user in the
 * emoji's list if absent; remove: take it out) gives the current reactions; the server only logs
 * changes, so adding the same emoji twice logs one entry.
 *
 * @param dialogueId the dialogue of the message
 * @param messageId the message reacted to
 * @param sender who reacted
 * @param emoji exactly one emoji, as Unicode
 * @param action {@value #ADD} or {@value #REMOVE}
 * @param timestamp when the server accepted it
 * @param seq nullable: this entry's stream sequence
 */
public record MessageReaction(
    String dialogueId,
    String messageId,
    String sender,
    String emoji,
    String action,
    Instant timestamp,
    @Nullable Long seq)
    implements GaimaceMessage, MessageEvent {

  /** The wire discriminator of this type. */
  public static final String TYPE = "reaction";

  public static final String ADD = "add";
  public static final String REMOVE = "remove";

  /** Validates required fields and that all text is well-formed Unicode. */
  public MessageReaction {
    Fields.requireText(dialogueId, "dialogue_id");
    Fields.requireText(messageId, "message_id");
    Fields.requireText(sender, "sender");
    Fields.requireText(emoji, "emoji");
    Fields.requireText(action, "action");
    if (!ADD.equals(action) && !REMOVE.equals(action)) {
      throw new ProtocolException(
          "field 'action' must be \"add\" or \"remove\", not " + Quote.of(action), "action", null);
    }
    Fields.require(timestamp, "timestamp");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public MessageReaction withSeq(long seq) {
    return new MessageReaction(dialogueId, messageId, sender, emoji, action, timestamp, seq);
  }

  /** True for {@value #ADD}. */
  public boolean added() {
    return ADD.equals(action);
  }
}
