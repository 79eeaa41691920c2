package io.gaimace.server.messages;

import io.gaimace.protocol.ChatMessage;

/** A message as read back from the stream, with its stream sequence and dialogue position. */
public record Stored(ChatMessage message, long seq, long pos) {}
