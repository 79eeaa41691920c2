package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/**
 * One of the caller's dialogues: a room or a direct dialogue, with its display name, the sequence
 * of its newest message ({@code 0} when empty), what the caller read last, and the unread count.
 */
public record DialogueSummary(
    String dialogueId,
    String kind,
    String name,
    @Nullable String peer,
    long lastSeq,
    long readSeq,
    long unread) {
  public static final String ROOM = "room";
  public static final String DIRECT = "direct";
}
