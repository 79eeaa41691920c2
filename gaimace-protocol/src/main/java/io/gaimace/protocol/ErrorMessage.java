package io.gaimace.protocol;

/**
 * An error answering a request (protocol format 5, {@code "type":"error"}).
 *
 * @param message a sentence a person can read
 * @param code nullable extension: a stable machine code such as {@code "not_member"}, so programs
 *     need not parse {@code message}
 * @param requestId nullable extension: the id of the request this error answers
 */
public record ErrorMessage(String message, @Nullable String code, @Nullable String requestId)
    implements GaimaceMessage {

  /** The wire discriminator of this format. */
  public static final String TYPE = "error";

  /** Validates required fields and that all text is well-formed Unicode. */
  public ErrorMessage {
    Fields.requireText(message, "message");
    Fields.text(code, "code");
    Fields.text(requestId, "request_id");
  }

  /** An error with only a message, as in the original protocol. */
  public ErrorMessage(String message) {
    this(message, null, null);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
