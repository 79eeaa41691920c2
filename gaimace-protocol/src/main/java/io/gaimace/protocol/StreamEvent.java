package io.gaimace.protocol;

/**
 * A live reply stream event ({@code "type":"stream"}, additive): an agent's reply growing token by
 * token, published by the server on the dialogue's chat subject. It is not stored in the stream and
 * has no stream headers; clients that do not know the type ignore it and see only the final {@code
 * message}, which carries {@code agent.stream_id}.
 *
 * <p>It is not a {@link GaimaceMessage}: the seven protocol types stay a closed family. Decode it
 * with {@code ProtocolCodec.mapper().readValue(bytes, StreamEvent.class)}.
 *
 * @param streamId the stream
 * @param dialogueId its dialogue
 * @param sender the agent (or user) writing
 * @param seq 0 when opened, then 1, 2, 3 for each appended piece; the final event repeats the last
 * @param delta nullable: the text appended by this event
 * @param text nullable: the whole text so far (on open, done, cancelled, and in {@code
 *     stream.list})
 * @param state {@code open}, {@code done} or {@code cancelled}
 * @param messageId nullable: on {@code done}, the id of the stored message with the final text
 * @param by nullable: on {@code cancelled}, who cancelled
 * @param replyTo nullable: the message being answered
 * @param agent nullable: the agent extension the final message will carry (hops, flow)
 */
public record StreamEvent(
    String type,
    String streamId,
    String dialogueId,
    String sender,
    long seq,
    @Nullable String delta,
    @Nullable String text,
    String state,
    @Nullable String messageId,
    @Nullable String by,
    @Nullable String replyTo,
    @Nullable AgentMeta agent) {

  public static final String TYPE = "stream";
  public static final String OPEN = "open";
  public static final String DONE = "done";
  public static final String CANCELLED = "cancelled";

  /** Validates required fields. */
  public StreamEvent {
    if (!TYPE.equals(type)) {
      throw new ProtocolException("expected message type 'stream'", "type", null);
    }
    Fields.requireText(streamId, "stream_id");
    Fields.requireText(dialogueId, "dialogue_id");
    Fields.requireText(sender, "sender");
    Fields.requireText(state, "state");
    Fields.text(delta, "delta");
    Fields.text(text, "text");
  }

  /** True once the stream will not grow any more. */
  public boolean finished() {
    return !OPEN.equals(state);
  }
}
