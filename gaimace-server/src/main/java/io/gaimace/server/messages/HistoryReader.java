package io.gaimace.server.messages;

import io.gaimace.protocol.Dialogue;
import io.gaimace.server.nats.StoreException;
import io.gaimace.server.nats.StoreSetup;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads runs of one dialogue's messages with a short-lived ordered consumer filtered on the
 * dialogue's subject (no consumer per user, only per read; docs/architecture.md). Reading starts at
 * a known sequence, so its cost depends on the page, not on the stream's size.
 */
public final class HistoryReader {
  private static final Duration WAIT = Duration.ofSeconds(2);

  private final JetStream js;
  private final MessageStore store;

  public HistoryReader(Connection chat, MessageStore store) throws IOException {
    this.js = chat.jetStream();
    this.store = store;
  }

  /** A run of messages, oldest first, and whether more exist past it. */
  public record Run(List<Stored> messages, boolean more) {}

  /** Up to {@code limit} messages after {@code afterSeq}, oldest first. */
  public Run after(Dialogue dialogue, long afterSeq, int limit) {
    Optional<Stored> last = store.last(dialogue);
    if (last.isEmpty() || last.get().seq() <= afterSeq) {
      return new Run(List.of(), false);
    }
    long lastSeq = last.get().seq();
    List<Stored> out = new ArrayList<>();
    boolean more =
        read(
            dialogue,
            afterSeq + 1,
            s -> {
              if (out.size() == limit) {
                return false;
              }
              out.add(s);
              return s.seq() < lastSeq;
            });
    return new Run(out, more || (!out.isEmpty() && out.get(out.size() - 1).seq() < lastSeq));
  }

  /**
   * The newest {@code limit} messages before {@code beforeSeq} (or the newest of all when null),
   * oldest first.
   */
  public Run before(Dialogue dialogue, Long beforeSeq, int limit) {
    Stored end;
    if (beforeSeq == null) {
      Optional<Stored> last = store.last(dialogue);
      if (last.isEmpty()) {
        return new Run(List.of(), false);
      }
      end = last.get();
    } else {
      Optional<Stored> at = store.get(beforeSeq);
      if (at.isEmpty() || !at.get().dialogueId().equals(dialogue.id())) {
        // Not a message of this dialogue (or expired): read back from the newest message.
        return beforeByScan(dialogue, beforeSeq, limit);
      }
      end = at.get();
    }
    long lastPos = beforeSeq == null ? end.pos() : end.pos() - 1;
    long firstPos = Math.max(1, lastPos - limit + 1);
    long startSeq = store.index().seqAtOrBefore(DialogueKeys.key(dialogue), firstPos);
    long stopSeq = beforeSeq == null ? end.seq() : beforeSeq - 1;
    Deque<Stored> window = new ArrayDeque<>();
    if (lastPos >= 1) {
      read(
          dialogue,
          startSeq,
          s -> {
            if (s.seq() > stopSeq) {
              return false;
            }
            window.addLast(s);
            if (window.size() > limit) {
              window.removeFirst();
            }
            return s.seq() < stopSeq;
          });
    }
    List<Stored> page = List.copyOf(window);
    boolean more = !page.isEmpty() && page.get(0).pos() > 1;
    return new Run(page, more);
  }

  private Run beforeByScan(Dialogue dialogue, long beforeSeq, int limit) {
    Deque<Stored> window = new ArrayDeque<>();
    read(
        dialogue,
        1,
        s -> {
          if (s.seq() >= beforeSeq) {
            return false;
          }
          window.addLast(s);
          if (window.size() > limit) {
            window.removeFirst();
          }
          return true;
        });
    List<Stored> page = List.copyOf(window);
    return new Run(page, !page.isEmpty() && page.get(0).pos() > 1);
  }

  /** Visits messages from {@code startSeq} on while the visitor returns true; true if cut short. */
  private boolean read(Dialogue dialogue, long startSeq, Visitor visitor) {
    ConsumerConfiguration cc =
        ConsumerConfiguration.builder()
            .deliverPolicy(DeliverPolicy.ByStartSequence)
            .startSequence(Math.max(1, startSeq))
            .build();
    PushSubscribeOptions options =
        PushSubscribeOptions.builder().stream(StoreSetup.MESSAGES)
            .ordered(true)
            .configuration(cc)
            .build();
    JetStreamSubscription sub = null;
    try {
      sub = js.subscribe(DialogueKeys.storeSubject(dialogue), options);
      while (true) {
        Message m = sub.nextMessage(WAIT);
        if (m == null) {
          return false; // nothing more arrived: the dialogue ended
        }
        long seq = m.metaData().streamSequence();
        boolean keepGoing = visitor.visit(MessageStore.decode(m.getData(), seq, m.getHeaders()));
        if (!keepGoing) {
          return m.metaData().pendingCount() > 0;
        }
        if (m.metaData().pendingCount() == 0) {
          return false;
        }
      }
    } catch (IOException | JetStreamApiException e) {
      throw new StoreException("cannot read history of " + dialogue.id(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted reading history", e);
    } finally {
      if (sub != null) {
        sub.unsubscribe();
      }
    }
  }

  @FunctionalInterface
  private interface Visitor {
    boolean visit(Stored s);
  }
}
