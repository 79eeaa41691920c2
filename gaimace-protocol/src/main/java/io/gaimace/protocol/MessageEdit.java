package io.gaimace.protocol;

import java.time.Instant;

/**
 * A message's text was replaced ({@code "type":"edit"}, additive extension). Only the author edits
 * a message; {@code content} is the new text. History shows messages with their latest text and
 * {@code edited_at}; an edit of a message deleted later is returned with empty {@code content}.
 *
 * @param dialogueId the dialogue of the message
 * @param messageId the edited message's id
 * @param sender the author, who edited it
 * @param content the new text (empty only when the message was deleted since)
 * @param timestamp when the server accepted the edit
 * @param seq nullable: this entry's stream sequence
 */
public record MessageEdit(
    String dialogueId,
    String messageId,
    String sender,
    String content,
    Instant timestamp,
    @Nullable Long seq)
    implements GaimaceMessage, MessageEvent {

  /** The wire discriminator of this type. */
  public static final String TYPE = "edit";

  /** Validates required fields and that all text is well-formed Unicode. */
  public MessageEdit {
    Fields.requireText(dialogueId, "dialogue_id");
    Fields.requireText(messageId, "message_id");
    Fields.requireText(sender, "sender");
    Fields.requireText(content, "content");
    Fields.require(timestamp, "timestamp");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public MessageEdit withSeq(long seq) {
    return new MessageEdit(dialogueId, messageId, sender, content, timestamp, seq);
  }

  /** The same edit with its text removed, for a message deleted since. */
  public MessageEdit redacted() {
    return new MessageEdit(dialogueId, messageId, sender, "", timestamp, seq);
  }
}
