package io.gaimace.protocol.api;

/**
 * Appends text to an open reply stream ({@code stream.append}); only its sender may.
 *
 * @param streamId the stream
 * @param delta the text to append, not empty
 */
public record StreamAppendRequest(String streamId, String delta) {}
