package io.gaimace.protocol;

/**
 * A message that breaks the protocol: malformed JSON, a missing or mistyped field, an unknown type,
 * or input over the codec's limits.
 *
 * <p>Unchecked, because it is handled once at a boundary (the server answers with an {@link
 * ErrorMessage}, a client drops the message) rather than by every caller in between. {@link
 * #getMessage()} is a sentence fit to send back to the author of the message, such as {@code
 * missing required field 'sender'}.
 */
public final class ProtocolException extends RuntimeException {
  private final @Nullable String field;

  /**
   * Creates an exception about the message as a whole.
   *
   * @param reason a precise, human-readable reason
   */
  public ProtocolException(String reason) {
    this(reason, null, null);
  }

  /**
   * Creates an exception about one field.
   *
   * @param reason a precise, human-readable reason
   * @param field nullable: the JSON name of the offending field
   * @param cause nullable: the underlying error
   */
  public ProtocolException(String reason, @Nullable String field, @Nullable Throwable cause) {
    super(reason, cause);
    this.field = field;
  }

  /**
   * The JSON name of the offending field, such as {@code "dialogue_id"}.
   *
   * @return nullable: null when the problem is not about a single field
   */
  public @Nullable String field() {
    return field;
  }
}
