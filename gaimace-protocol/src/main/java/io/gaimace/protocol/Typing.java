package io.gaimace.protocol;

/**
 * A typing indicator (protocol formats 3 and 4, {@code "type":"typing"}).
 *
 * <p>The protocol has two shapes, with and without a dialogue id; they are one record here because
 * they differ only in that optional field.
 *
 * @param userId the user who is typing
 * @param status typing or stopped
 * @param dialogueId nullable: the dialogue typed in; the subject already says it, so the original
 *     protocol makes it optional
 */
public record Typing(String userId, TypingStatus status, @Nullable String dialogueId)
    implements GaimaceMessage {

  /** The wire discriminator of this format. */
  public static final String TYPE = "typing";

  /** Validates required fields and that all text is well-formed Unicode. */
  public Typing {
    Fields.requireText(userId, "user_id");
    Fields.require(status, "status");
    Fields.text(dialogueId, "dialogue_id");
  }

  /** A typing indicator without a dialogue id (protocol format 3). */
  public Typing(String userId, TypingStatus status) {
    this(userId, status, null);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
