package io.gaimace.bench;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.server.messages.MessageStore;
import io.gaimace.server.nats.StoreSetup;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fills {@code GAIMACE_MESSAGES} directly, in exactly the format {@code MessageStore} writes, far
 * faster than sending through the API: subject {@code store.chat.room.<id>}, body {@code
 * ProtocolCodec.encode(ChatMessage)} (no {@code seq}), headers {@code Gaimace-Pos}, {@code
 * Nats-Msg-Id} = the message id and {@code Nats-Expected-Last-Subject-Sequence} = the dialogue's
 * previous sequence; then the history index ({@code gaimace-history-index}, key {@code
 * room.<id>.<pos / 64>} = the sequence in ASCII, every 64th position). Messages go round-robin over
 * the dialogues, so each dialogue's messages are spread over the whole stream.
 */
final class HistoryFill {
  private static final int STRIDE = 64;

  private final int dialogues;
  private final int perDialogue;
  private final int contentBytes;
  private final int window;

  /** {@code seqs[d][pos - 1]}: stream sequence of each message. */
  final long[][] seqs;

  HistoryFill(int dialogues, int perDialogue, int contentBytes, int window) {
    this.dialogues = dialogues;
    this.perDialogue = perDialogue;
    this.contentBytes = contentBytes;
    this.window = window;
    this.seqs = new long[dialogues][perDialogue];
  }

  static String roomId(int dialogue) {
    return "h" + dialogue;
  }

  /** The global index of the message at {@code pos} of {@code dialogue} (its content's number). */
  long index(int dialogue, int pos) {
    return (long) (pos - 1) * dialogues + dialogue;
  }

  void run(Connection chat) throws Exception {
    JetStream js = chat.jetStream();
    Semaphore inFlight = new Semaphore(window);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<CompletableFuture<PublishAck>> previous =
        new ArrayList<>(Collections.nCopies(dialogues, null));
    Instant base = Instant.now().minusSeconds(3600);
    for (int pos = 1; pos <= perDialogue; pos++) {
      for (int d = 0; d < dialogues; d++) {
        long lastSeq =
            previous.get(d) == null ? 0 : previous.get(d).get(60, TimeUnit.SECONDS).getSeqno();
        String room = roomId(d);
        String id = UUID.randomUUID().toString();
        ChatMessage m =
            new ChatMessage(
                "writer",
                room,
                null,
                base.plusMillis(index(d, pos)),
                Payloads.content(index(d, pos), contentBytes),
                id,
                null,
                UUID.randomUUID().toString());
        Headers headers = new Headers().put(MessageStore.POS_HEADER, Integer.toString(pos));
        PublishOptions options =
            PublishOptions.builder().messageId(id).expectedLastSubjectSequence(lastSeq).build();
        inFlight.acquire();
        if (failure.get() != null) {
          throw new IllegalStateException("fill failed", failure.get());
        }
        int dd = d;
        int pp = pos;
        CompletableFuture<PublishAck> ack =
            js.publishAsync(
                StoreSetup.STORE_PREFIX + "chat.room." + room,
                headers,
                ProtocolCodec.encode(m),
                options);
        ack.whenComplete(
            (a, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              } else {
                seqs[dd][pp - 1] = a.getSeqno();
              }
              inFlight.release();
            });
        previous.set(d, ack);
      }
    }
    for (CompletableFuture<PublishAck> f : previous) {
      if (f != null) {
        f.get(60, TimeUnit.SECONDS);
      }
    }
    inFlight.acquire(window);
    inFlight.release(window);
    if (failure.get() != null) {
      throw new IllegalStateException("fill failed", failure.get());
    }
    writeIndex(js);
  }

  private void writeIndex(JetStream js) throws Exception {
    Semaphore inFlight = new Semaphore(window);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int d = 0; d < dialogues; d++) {
      for (int pos = STRIDE; pos <= perDialogue; pos += STRIDE) {
        inFlight.acquire();
        String key = "room." + roomId(d) + "." + (pos / STRIDE);
        js.publishAsync(
                "$KV." + StoreSetup.HISTORY_INDEX + "." + key,
                Long.toString(seqs[d][pos - 1]).getBytes(StandardCharsets.US_ASCII))
            .whenComplete(
                (a, e) -> {
                  if (e != null) {
                    failure.compareAndSet(null, e);
                  }
                  inFlight.release();
                });
      }
    }
    inFlight.acquire(window);
    inFlight.release(window);
    if (failure.get() != null) {
      throw new IllegalStateException("index fill failed", failure.get());
    }
  }
}
