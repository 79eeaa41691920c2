package io.gaimace.cli.chat;

import io.gaimace.protocol.DirectDialogue;
import io.gaimace.protocol.Nullable;
import io.gaimace.protocol.api.DialogueSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's rooms and direct dialogues with their unread counts: read from the server, then kept
 * up to date from the messages that arrive. Used on the chat thread only.
 */
final class Dialogues {
  /** One dialogue; {@code peer} is set for direct ones. */
  static final class Entry {
    final String id;
    final @Nullable String peer;
    String name;
    long unread;
    long mentions;

    Entry(String id, @Nullable String peer, String name, long unread) {
      this.id = id;
      this.peer = peer;
      this.name = name;
      this.unread = unread;
    }

    boolean isRoom() {
      return peer == null;
    }

    /** {@code #lobby} or {@code @bob}: what {@code /open} takes. */
    String label() {
      return peer == null ? "#" + id : "@" + peer;
    }
  }

  private final String me;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  Dialogues(String me) {
    this.me = me;
  }

  void reset(List<DialogueSummary> summaries) {
    entries.clear();
    for (DialogueSummary d : summaries) {
      String peer = DialogueSummary.DIRECT.equals(d.kind()) ? peerOf(d.dialogueId()) : null;
      Entry e = new Entry(d.dialogueId(), peer, d.name(), d.unread());
      e.mentions = d.unreadMentions();
      entries.put(d.dialogueId(), e);
    }
  }

  List<Entry> all() {
    return new ArrayList<>(entries.values());
  }

  Optional<Entry> get(String dialogueId) {
    return Optional.ofNullable(entries.get(dialogueId));
  }

  /** The dialogue, added with its id as name if it is new (a new direct dialogue or room). */
  Entry ensure(String dialogueId) {
    return entries.computeIfAbsent(
        dialogueId,
        id -> {
          String peer = peerOf(id);
          return new Entry(id, peer, peer == null ? id : peer, 0);
        });
  }

  void remove(String dialogueId) {
    entries.remove(dialogueId);
  }

  Optional<Entry> first() {
    return entries.values().stream().findFirst();
  }

  /** {@code #lobby} or {@code @bob} for any dialogue id. */
  String label(String dialogueId) {
    String peer = peerOf(dialogueId);
    return peer == null ? "#" + dialogueId : "@" + peer;
  }

  /** The other user of a direct dialogue id, or null for a room. */
  @Nullable
  String peerOf(String dialogueId) {
    int plus = dialogueId.indexOf('+');
    if (plus < 0) {
      return null;
    }
    DirectDialogue d =
        new DirectDialogue(dialogueId.substring(0, plus), dialogueId.substring(plus + 1));
    return d.includes(me) ? d.other(me) : dialogueId;
  }
}
