package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/**
 * Searches message text in the caller's dialogues (or in one of them): a case-insensitive substring
 * match, newest first. {@code before} (a stream sequence) continues after the last result of the
 * previous page; {@code limit} is capped by the server.
 */
public record SearchRequest(
    String query, @Nullable String dialogueId, @Nullable Integer limit, @Nullable Long before) {}
