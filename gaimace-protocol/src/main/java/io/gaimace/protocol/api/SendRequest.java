package io.gaimace.protocol.api;

import io.gaimace.protocol.AgentMeta;
import io.gaimace.protocol.Nullable;
import java.util.List;

/**
 * Asks the server to post a chat message. Exactly one of {@code dialogueId} (a room id, or a direct
 * dialogue id {@code a+b}) and {@code recipient} (a user id, for a direct message) is given. A
 * {@code clientId} makes a resend idempotent: the same sender and client id store one message.
 *
 * @param replyTo nullable extension: id of the message in the same dialogue this one answers
 * @param attachments nullable extension: ids of files uploaded to this dialogue to attach
 * @param agent nullable extension: hop count and poll/chain flow of an agent's reply or of a flow's
 *     start (its {@code stream_id} is set by the server only)
 */
public record SendRequest(
    @Nullable String dialogueId,
    @Nullable String recipient,
    String content,
    @Nullable String clientId,
    @Nullable String replyTo,
    @Nullable List<String> attachments,
    @Nullable AgentMeta agent) {

  /** A message with the rich-message extensions but no agent extension. */
  public SendRequest(
      String dialogueId,
      String recipient,
      String content,
      String clientId,
      String replyTo,
      List<String> attachments) {
    this(dialogueId, recipient, content, clientId, replyTo, attachments, null);
  }

  /** A plain text message with no extensions. */
  public SendRequest(String dialogueId, String recipient, String content, String clientId) {
    this(dialogueId, recipient, content, clientId, null, null, null);
  }
}
