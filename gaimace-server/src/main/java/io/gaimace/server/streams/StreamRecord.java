package io.gaimace.server.streams;

import io.gaimace.protocol.AgentMeta;
import io.gaimace.protocol.Nullable;
import io.gaimace.protocol.StreamEvent;
import java.time.Instant;

/**
 * A reply stream as kept in the {@code gaimace-streams} bucket (key: the stream id). The bucket's
 * TTL removes it a while after its last write, so a stream left open by a crashed agent expires.
 */
public record StreamRecord(
    String streamId,
    String dialogueId,
    String sender,
    @Nullable String replyTo,
    @Nullable AgentMeta agent,
    String text,
    long seq,
    String state,
    @Nullable String messageId,
    @Nullable String by,
    Instant typingAt) {

  StreamRecord appended(String delta, Instant now, boolean typed) {
    return new StreamRecord(
        streamId,
        dialogueId,
        sender,
        replyTo,
        agent,
        text + delta,
        seq + 1,
        state,
        messageId,
        by,
        typed ? now : typingAt);
  }

  StreamRecord finished(String newState, @Nullable String message, @Nullable String who) {
    return new StreamRecord(
        streamId, dialogueId, sender, replyTo, agent, text, seq, newState, message, who, typingAt);
  }

  boolean open() {
    return StreamEvent.OPEN.equals(state);
  }

  /** The event announcing this record's state; {@code delta} null means "whole text". */
  StreamEvent event(@Nullable String delta) {
    return new StreamEvent(
        StreamEvent.TYPE,
        streamId,
        dialogueId,
        sender,
        seq,
        delta,
        delta == null ? text : null,
        state,
        messageId,
        by,
        replyTo,
        agent);
  }
}
