package io.gaimace.cli.chat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Marks dialogues read as their messages are shown: at most once per {@link #INTERVAL_MS} per
 * dialogue, always up to the newest message seen, so a burst of messages costs one request. Not
 * thread-safe: the chat thread calls it, and {@link Later} runs its delayed work on that thread.
 */
final class ReadMarker {
  static final long INTERVAL_MS = 1000;

  /** Runs a task later, on the chat thread. */
  interface Later {
    void after(long millis, Runnable task);
  }

  /** Sends a read mark. */
  interface Sender {
    void markRead(String dialogueId, long seq);
  }

  private final Later later;
  private final LongSupplier clockMillis;
  private final Sender sender;
  private final Map<String, Long> newest = new HashMap<>();
  private final Map<String, Long> sent = new HashMap<>();
  private final Map<String, Long> sentAt = new HashMap<>();
  private final Set<String> scheduled = new HashSet<>();

  ReadMarker(Later later, LongSupplier clockMillis, Sender sender) {
    this.later = later;
    this.clockMillis = clockMillis;
    this.sender = sender;
  }

  /** A message of the dialogue was shown. */
  void seen(String dialogueId, long seq) {
    newest.merge(dialogueId, seq, Math::max);
    if (scheduled.contains(dialogueId)) {
      return;
    }
    Long last = sentAt.get(dialogueId);
    long wait = last == null ? 0 : last + INTERVAL_MS - clockMillis.getAsLong();
    if (wait <= 0) {
      flush(dialogueId);
    } else {
      scheduled.add(dialogueId);
      later.after(
          wait,
          () -> {
            scheduled.remove(dialogueId);
            flush(dialogueId);
          });
    }
  }

  private void flush(String dialogueId) {
    long seq = newest.getOrDefault(dialogueId, 0L);
    if (seq <= sent.getOrDefault(dialogueId, 0L)) {
      return;
    }
    sent.put(dialogueId, seq);
    sentAt.put(dialogueId, clockMillis.getAsLong());
    sender.markRead(dialogueId, seq);
  }
}
