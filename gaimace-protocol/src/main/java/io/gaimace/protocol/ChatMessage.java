package io.gaimace.protocol;

import java.time.Instant;
import java.util.List;

/**
 * A chat message in a room or a direct dialogue (protocol format 1, {@code "type":"message"}).
 *
 * <p>The server stamps {@code sender}, {@code timestamp}, {@code id} and {@code seq}; a client
 * cannot choose them. Every component after {@code content} is an additive extension of the
 * protocol: it is omitted from the JSON when null, and a client that does not know it ignores it.
 *
 * @param sender user id of the author
 * @param dialogueId the dialogue the message belongs to (see {@link Dialogue#id()})
 * @param recipient nullable: the other user of a direct dialogue; rooms have none
 * @param timestamp when the server accepted the message
 * @param content the message text, any well-formed Unicode (empty when deleted)
 * @param id nullable: the server-assigned message id
 * @param seq nullable: the message's position in its dialogue's stream, for gap detection
 * @param clientId nullable: the sender's idempotency key, so a resend after a disconnect is stored
 *     once
 * @param replyTo nullable: id of the message this one answers
 * @param threadId nullable: id of the first message of the thread this one belongs to
 * @param mentions nullable: user ids mentioned with {@code @user}, as recognised by the server
 * @param attachments nullable: files attached to the message
 * @param editedAt nullable: when the text was last edited
 * @param deleted nullable: true when the message was deleted (its content is then empty)
 * @param reactions nullable: reactions, one entry per emoji
 * @param agent nullable: the agent extension (reply stream, hop count, poll or chain flow)
 */
public record ChatMessage(
    String sender,
    String dialogueId,
    @Nullable String recipient,
    Instant timestamp,
    String content,
    @Nullable String id,
    @Nullable Long seq,
    @Nullable String clientId,
    @Nullable String replyTo,
    @Nullable String threadId,
    @Nullable List<String> mentions,
    @Nullable List<Attachment> attachments,
    @Nullable Instant editedAt,
    @Nullable Boolean deleted,
    @Nullable List<Reaction> reactions,
    @Nullable AgentMeta agent)
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
    Fields.text(replyTo, "reply_to");
    Fields.text(threadId, "thread_id");
    mentions = mentions == null ? null : List.copyOf(mentions);
    if (mentions != null) {
      mentions.forEach(m -> Fields.requireText(m, "mentions"));
    }
    attachments = attachments == null ? null : List.copyOf(attachments);
    reactions = reactions == null ? null : List.copyOf(reactions);
  }

  /** A message with the rich-message extensions but without the agent extension. */
  public ChatMessage(
      String sender,
      String dialogueId,
      String recipient,
      Instant timestamp,
      String content,
      String id,
      Long seq,
      String clientId,
      String replyTo,
      String threadId,
      List<String> mentions,
      List<Attachment> attachments,
      Instant editedAt,
      Boolean deleted,
      List<Reaction> reactions) {
    this(
        sender,
        dialogueId,
        recipient,
        timestamp,
        content,
        id,
        seq,
        clientId,
        replyTo,
        threadId,
        mentions,
        attachments,
        editedAt,
        deleted,
        reactions,
        null);
  }

  /** A message with only the fields of the original protocol, no extensions. */
  public ChatMessage(
      String sender, String dialogueId, String recipient, Instant timestamp, String content) {
    this(sender, dialogueId, recipient, timestamp, content, null, null, null);
  }

  /** A message with the server's stamps but none of the rich-message extensions. */
  public ChatMessage(
      String sender,
      String dialogueId,
      String recipient,
      Instant timestamp,
      String content,
      String id,
      Long seq,
      String clientId) {
    this(
        sender,
        dialogueId,
        recipient,
        timestamp,
        content,
        id,
        seq,
        clientId,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** A builder holding this message's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a changed copy of a message; unset components keep the original's values. */
  public static final class Builder {
    private String sender;
    private String dialogueId;
    private String recipient;
    private Instant timestamp;
    private String content;
    private String id;
    private Long seq;
    private String clientId;
    private String replyTo;
    private String threadId;
    private List<String> mentions;
    private List<Attachment> attachments;
    private Instant editedAt;
    private Boolean deleted;
    private List<Reaction> reactions;
    private AgentMeta agent;

    private Builder(ChatMessage m) {
      sender = m.sender;
      dialogueId = m.dialogueId;
      recipient = m.recipient;
      timestamp = m.timestamp;
      content = m.content;
      id = m.id;
      seq = m.seq;
      clientId = m.clientId;
      replyTo = m.replyTo;
      threadId = m.threadId;
      mentions = m.mentions;
      attachments = m.attachments;
      editedAt = m.editedAt;
      deleted = m.deleted;
      reactions = m.reactions;
      agent = m.agent;
    }

    public Builder content(String value) {
      content = value;
      return this;
    }

    public Builder id(String value) {
      id = value;
      return this;
    }

    public Builder seq(Long value) {
      seq = value;
      return this;
    }

    public Builder clientId(String value) {
      clientId = value;
      return this;
    }

    public Builder replyTo(String value) {
      replyTo = value;
      return this;
    }

    public Builder threadId(String value) {
      threadId = value;
      return this;
    }

    public Builder mentions(List<String> value) {
      mentions = value;
      return this;
    }

    public Builder attachments(List<Attachment> value) {
      attachments = value;
      return this;
    }

    public Builder editedAt(Instant value) {
      editedAt = value;
      return this;
    }

    public Builder deleted(Boolean value) {
      deleted = value;
      return this;
    }

    public Builder reactions(List<Reaction> value) {
      reactions = value;
      return this;
    }

    public Builder agent(AgentMeta value) {
      agent = value;
      return this;
    }

    public ChatMessage build() {
      return new ChatMessage(
          sender,
          dialogueId,
          recipient,
          timestamp,
          content,
          id,
          seq,
          clientId,
          replyTo,
          threadId,
          mentions,
          attachments,
          editedAt,
          deleted,
          reactions,
          agent);
    }
  }
}
