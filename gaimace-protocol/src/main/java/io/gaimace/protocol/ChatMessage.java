package io.gaimace.protocol;

import java.time.Instant;

/**
 * A chat message in a room or a direct dialogue (protocol format 1, {@code "type":"message"}).
 *
 * <p>The server stamps {@code sender}, {@code timestamp}, {@code id} and {@code seq}; a client
 * cannot choose them. The last three components are additive extensions of the protocol.
 *
 * @param sender user id of the author
 * @param dialogueId the dialogue the message belongs to (see {@link Dialogue#id()})
 * @param recipient nullable: the other user of a direct dialogue; rooms have none
 * @param timestamp when the server accepted the message
 * @param content the message text, any well-formed Unicode
 * @param id nullable: the server-assigned message id
 * @param seq nullable: the message's position in its dialogue's stream, for gap detection
 * @param clientId nullable: the sender's idempotency key, so a resend after a disconnect is stored
 *     once
 */
public record ChatMessage(
    String sender,
    String dialogueId,
    @Nullable String recipient,
    Instant timestamp,
    String content,
    @Nullable String id,
    @Nullable Long seq,
    @Nullable String clientId)
    implements GaimaceMessage {

  /** The wire discriminator of this format. */
  public static final String TYPE = "message";

  /** Validates required fields and that all text is well-formed Unicode. */
  public ChatMessage {
    Fields.requireText(sender, "sender");
    Fields.requireText(dialogueId, "dialogue_id");
    Fields.text(recipient, "recipient");
    Fields.require(timestamp, "timestamp");
    Fields.requireText(content, "content");
    Fields.text(id, "id");
    Fields.text(clientId, "client_id");
  }

  /** A message with only the fields of the original protocol, no extensions. */
  public ChatMessage(
      String sender, String dialogueId, String recipient, Instant timestamp, String content) {
    this(sender, dialogueId, recipient, timestamp, content, null, null, null);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
