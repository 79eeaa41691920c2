package io.gaimace.sdk.internal;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.GaimaceMessage;
import io.gaimace.protocol.MessageEvent;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.HistoryPage;
import io.gaimace.protocol.api.HistoryRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Knows the last log entry seen in each dialogue and makes every dialogue's entries (chat messages,
 * and the edits, deletions and reactions that change them) reach the application once each, in
 * order (docs/reliability.md). A live entry whose {@code Nats-Last-Sequence} is not the last one
 * seen reveals a gap, which is filled from history before the entry is delivered; after a reconnect
 * every dialogue is brought up to date the same way. Only called on the event thread, so it needs
 * no locking of its own.
 */
public final class DialogueTracker {
  private static final int BATCH = 500;
  private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
  private final Api api;
  private final Consumer<GaimaceMessage> deliver;

  public DialogueTracker(Api api, Consumer<GaimaceMessage> deliver) {
    this.api = api;
    this.deliver = deliver;
  }

  /** Starts tracking a dialogue from a known position (its newest message when joining). */
  public void track(String dialogueId, long seq) {
    lastSeen.merge(dialogueId, seq, Math::max);
  }

  public void forget(String dialogueId) {
    lastSeen.remove(dialogueId);
  }

  public Map<String, Long> positions() {
    return Map.copyOf(lastSeen);
  }

  /**
   * An entry arrived live: a {@link ChatMessage} or a {@link MessageEvent}, its seq set.
   *
   * @param previous the dialogue's previous sequence per the stream ({@code Nats-Last-Sequence})
   */
  public void live(GaimaceMessage entry, String dialogue, long seq, long previous) {
    Long seen = lastSeen.get(dialogue);
    if (seen != null && seq <= seen) {
      return; // already delivered (recovered earlier, or a redelivery)
    }
    if (seen != null && previous > seen) {
      recover(dialogue, seq - 1); // missed something: fill the gap first
    } else if (seen == null && previous > 0) {
      recover(dialogue, seq - 1); // a dialogue that started while we were away
    }
    Long now = lastSeen.get(dialogue);
    if (now == null || seq > now) {
      lastSeen.put(dialogue, seq);
      deliver.accept(entry);
    }
  }

  /** Brings one dialogue up to date from history (after a reconnect or a gap). */
  public void recover(String dialogue, long upTo) {
    long after = lastSeen.getOrDefault(dialogue, 0L);
    while (after < upTo) {
      HistoryPage page =
          api.call(
                  ApiSubjects.HISTORY,
                  new HistoryRequest(dialogue, null, after, BATCH),
                  HistoryPage.class)
              .join();
      List<Entry> entries = merged(page);
      for (Entry e : entries) {
        if (e.seq() > after && e.seq() <= upTo) {
          after = e.seq();
          lastSeen.put(dialogue, after);
          deliver.accept(e.entry());
        }
      }
      if (!page.more() || entries.isEmpty()) {
        return;
      }
    }
  }

  /**
   * Brings every dialogue up to the newest sequence the server reported for it, reading history
   * only where something was missed: a client that comes back having missed nothing costs the
   * server no history read (which matters when thousands reconnect at once). Messages stored after
   * the report arrive live and are checked for gaps as usual.
   */
  public void recoverAll(Map<String, Long> newest) {
    newest.forEach(
        (dialogue, upTo) -> {
          if (lastSeen.getOrDefault(dialogue, 0L) < upTo) {
            recover(dialogue, upTo);
          }
        });
  }

  private record Entry(GaimaceMessage entry, long seq) {}

  /** A recovery page's messages and events, in log order. */
  private static List<Entry> merged(HistoryPage page) {
    List<Entry> out = new ArrayList<>();
    for (ChatMessage m : page.messages()) {
      if (m.seq() != null) {
        out.add(new Entry(m, m.seq()));
      }
    }
    for (MessageEvent e : page.events() == null ? List.<MessageEvent>of() : page.events()) {
      if (e.seq() != null) {
        out.add(new Entry((GaimaceMessage) e, e.seq()));
      }
    }
    out.sort(Comparator.comparingLong(Entry::seq));
    return out;
  }
}
