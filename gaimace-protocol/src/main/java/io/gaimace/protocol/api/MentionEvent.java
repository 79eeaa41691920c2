package io.gaimace.protocol.api;

/**
 * Tells a user, on {@code gaimace.user.<user_id>}, that a message mentioned it with {@code @user}.
 * Sent whether or not the user watches that dialogue; {@code type} is always {@value #TYPE}.
 *
 * @param dialogueId the dialogue of the message
 * @param messageId the message's id
 * @param by the message's sender
 * @param seq the message's stream sequence
 * @param content the message's text
 */
public record MentionEvent(
    String type, String dialogueId, String messageId, String by, long seq, String content) {
  public static final String TYPE = "mention";

  public MentionEvent(String dialogueId, String messageId, String by, long seq, String content) {
    this(TYPE, dialogueId, messageId, by, seq, content);
  }
}
