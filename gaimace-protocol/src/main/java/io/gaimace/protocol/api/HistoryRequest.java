package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/**
 * Asks for messages of one dialogue. With {@code after}, the messages after that sequence, oldest
 * first (recovery after a disconnect). Otherwise the newest messages before {@code before} (or the
 * newest of all), returned oldest first. {@code limit} is capped by the server.
 *
 * @param thread nullable extension: the id of a thread's first message; the page is then that
 *     message followed by its thread's replies, oldest first ({@code after} skips replies up to a
 *     sequence, {@code before} is not allowed)
 */
public record HistoryRequest(
    String dialogueId,
    @Nullable Long before,
    @Nullable Long after,
    @Nullable Integer limit,
    @Nullable String thread) {

  /** A request of the dialogue itself, not of a thread. */
  public HistoryRequest(String dialogueId, Long before, Long after, Integer limit) {
    this(dialogueId, before, after, limit, null);
  }
}
