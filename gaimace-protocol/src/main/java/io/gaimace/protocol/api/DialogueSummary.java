package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/**
 * One of the caller's dialogues: a room or a direct dialogue, with its display name, the sequence
 * of its newest message ({@code 0} when empty), what the caller read last, and the unread count.
 *
 * @param unreadMentions extension: unread messages that mention the caller ({@code 0} when none or
 *     from a server that does not count them)
 */
public record DialogueSummary(
    String dialogueId,
    String kind,
    String name,
    @Nullable String peer,
    long lastSeq,
    long readSeq,
    long unread,
    long unreadMentions) {
  public static final String ROOM = "room";
  public static final String DIRECT = "direct";

  /** A summary without a mention count. */
  public DialogueSummary(
      String dialogueId,
      String kind,
      String name,
      String peer,
      long lastSeq,
      long readSeq,
      long unread) {
    this(dialogueId, kind, name, peer, lastSeq, readSeq, unread, 0);
  }
}
