package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/**
 * Asks for messages of one dialogue. With {@code after}, the messages after that sequence, oldest
 * first (recovery after a disconnect). Otherwise the newest messages before {@code before} (or the
 * newest of all), returned oldest first. {@code limit} is capped by the server.
 */
public record HistoryRequest(
    String dialogueId, @Nullable Long before, @Nullable Long after, @Nullable Integer limit) {}
