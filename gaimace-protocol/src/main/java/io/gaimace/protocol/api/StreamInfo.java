package io.gaimace.protocol.api;

/**
 * A reply stream's position after {@code stream.start} or {@code stream.append}.
 *
 * @param streamId the stream
 * @param seq the number of pieces appended so far
 * @param length the text's length so far, in UTF-16 code units
 */
public record StreamInfo(String streamId, long seq, long length) {}
