package io.gaimace.protocol;

import java.time.Instant;

/**
 * A read receipt (protocol format 6, {@code "type":"read"}).
 *
 * @param dialogueId the dialogue that was read
 * @param userId the reader
 * @param seq nullable extension: read up to and including this position of the dialogue
 * @param timestamp nullable extension: when it was read
 */
public record ReadReceipt(
    String dialogueId, String userId, @Nullable Long seq, @Nullable Instant timestamp)
    implements GaimaceMessage {

  /** The wire discriminator of this format. */
  public static final String TYPE = "read";

  /** Validates required fields and that all text is well-formed Unicode. */
  public ReadReceipt {
    Fields.requireText(dialogueId, "dialogue_id");
    Fields.requireText(userId, "user_id");
  }

  /** A receipt without extensions, as in the original protocol. */
  public ReadReceipt(String dialogueId, String userId) {
    this(dialogueId, userId, null, null);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
