package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/**
 * Names one reply stream ({@code stream.end}, {@code stream.cancel}).
 *
 * @param streamId the stream
 */
public record StreamRequest(@Nullable String streamId) {}
