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
import java.util.function.Consumer;

/**
 * Reads a window of one dialogue's newest messages for a scan such as search: a short-lived ordered
 * consumer filtered on the dialogue's subject, started from the history index near the window's
 * first position (at most {@value HistoryIndex#STRIDE} messages early), closed when the window is
 * read. No consumer outlives the call.
 */
public final class DialogueScanner {
  private static final Duration WAIT = Duration.ofSeconds(2);

  private final JetStream js;
  private final MessageStore store;

  public DialogueScanner(Connection chat, MessageStore store) throws IOException {
    this.js = chat.jetStream();
    this.store = store;
  }

  /**
   * Visits, oldest first, the messages of the dialogue at positions {@code firstPos} and later, up
   * to the one at stream sequence {@code lastSeq}, skipping those at or after {@code beforeSeq}.
   *
   * @param beforeSeq nullable: only messages with a smaller stream sequence are visited
   * @return how many messages were visited
   */
  public long scan(
      Dialogue dialogue, long firstPos, long lastSeq, Long beforeSeq, Consumer<Stored> visitor) {
    long startSeq = store.index().seqAtOrBefore(DialogueKeys.key(dialogue), firstPos);
    long stopSeq = beforeSeq == null ? lastSeq : Math.min(lastSeq, beforeSeq - 1);
    if (stopSeq < startSeq) {
      return 0;
    }
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
    long visited = 0;
    try {
      sub = js.subscribe(DialogueKeys.storeSubject(dialogue), options);
      while (true) {
        Message m = sub.nextMessage(WAIT);
        if (m == null) {
          return visited;
        }
        long seq = m.metaData().streamSequence();
        if (seq > stopSeq) {
          return visited;
        }
        Stored s = MessageStore.decode(m.getData(), seq, m.getHeaders());
        if (s.pos() >= firstPos) {
          visitor.accept(s);
          visited++;
        }
        if (seq == stopSeq || m.metaData().pendingCount() == 0) {
          return visited;
        }
      }
    } catch (IOException | JetStreamApiException e) {
      throw new StoreException("cannot scan " + dialogue.id(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted scanning " + dialogue.id(), e);
    } finally {
      if (sub != null) {
        sub.unsubscribe();
      }
    }
  }
}
