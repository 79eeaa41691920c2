package io.gaimace.protocol.api;

/** The server holds the chunks of an upload up to {@code received} (exclusive). */
public record FileChunkAck(String uploadId, int index, int received) {}
