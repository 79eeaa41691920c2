package io.gaimace.protocol;

import java.time.Instant;

/**
 * A message was deleted ({@code "type":"delete"}, additive extension), by its author or a room
 * moderator. From then on the message is returned with {@code deleted:true} and empty content.
 *
 * @param dialogueId the dialogue of the message
 * @param messageId the deleted message's id
 * @param sender who deleted it (the author or a moderator)
 * @param timestamp when the server accepted the deletion
 * @param seq nullable: this entry's stream sequence
 */
public record MessageDelete(
    String dialogueId, String messageId, String sender, Instant timestamp, @Nullable Long seq)
    implements GaimaceMessage, MessageEvent {

  /** The wire discriminator of this type. */
  public static final String TYPE = "delete";

  /** Validates required fields and that all text is well-formed Unicode. */
  public MessageDelete {
    Fields.requireText(dialogueId, "dialogue_id");
    Fields.requireText(messageId, "message_id");
    Fields.requireText(sender, "sender");
    Fields.require(timestamp, "timestamp");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public MessageDelete withSeq(long seq) {
    return new MessageDelete(dialogueId, messageId, sender, timestamp, seq);
  }
}
