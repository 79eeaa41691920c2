package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;
import java.util.List;

/**
 * Asks the server to post a chat message. Exactly one of {@code dialogueId} (a room id, or a direct
 * dialogue id {@code a+b}) and {@code recipient} (a user id, for a direct message) is given. A
 * {@code clientId} makes a resend idempotent: the same sender and client id store one message.
 *
 * @param replyTo nullable extension: id of the message in the same dialogue this one answers
 * @param attachments nullable extension: ids of files uploaded to this dialogue to attach
 */
public record SendRequest(
    @Nullable String dialogueId,
    @Nullable String recipient,
    String content,
    @Nullable String clientId,
    @Nullable String replyTo,
    @Nullable List<String> attachments) {

  /** A plain text message with no extensions. */
  public SendRequest(String dialogueId, String recipient, String content, String clientId) {
    this(dialogueId, recipient, content, clientId, null, null);
  }
}
