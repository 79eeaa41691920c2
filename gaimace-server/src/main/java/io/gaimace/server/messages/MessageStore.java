package io.gaimace.server.messages;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.GaimaceMessage;
import io.gaimace.protocol.MessageEvent;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.server.nats.StoreException;
import io.gaimace.server.nats.StoreSetup;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValue;
import io.nats.client.PublishOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends messages to the {@code GAIMACE_MESSAGES} stream and reads single messages back. A
 * dialogue's log holds its chat messages and the {@code edit}, {@code delete} and {@code reaction}
 * entries that change them ({@link Stored}); both kinds take positions alike.
 *
 * <p>Every message carries its position in its dialogue ({@value #POS_HEADER}: 1, 2, 3, …).
 * Positions stay gap-free across any number of server instances because each append states the
 * dialogue's last sequence it expects ({@code Nats-Expected-Last-Subject-Sequence}); JetStream
 * refuses the append when another instance wrote first, and this class reloads and retries. Every
 * {@value HistoryIndex#STRIDE}th position is noted in the history index, which is what lets a
 * history page start near its messages instead of scanning the dialogue.
 */
public final class MessageStore {
  public static final String POS_HEADER = "Gaimace-Pos";
  private static final int WRONG_LAST_SEQUENCE = 10071;
  private static final int NO_MESSAGE_FOUND = 10037;
  private static final int MAX_ATTEMPTS = 8;

  private final JetStream js;
  private final JetStreamManagement jsm;
  private final HistoryIndex index;
  private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
  private final Object[] stripes = new Object[64];

  /** The newest message of a dialogue as this instance last saw it. */
  private record Cursor(long seq, long pos) {}

  public MessageStore(Connection chat, KeyValue historyIndex) throws IOException {
    this.js = chat.jetStream();
    this.jsm = chat.jetStreamManagement();
    this.index = new HistoryIndex(historyIndex);
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Object();
    }
  }

  HistoryIndex index() {
    return index;
  }

  /**
   * Stores a message. The {@code msgId} makes the append idempotent within the stream's duplicate
   * window: a repeat returns the first copy, marked as a duplicate.
   *
   * @return the stored message and whether it was a duplicate
   */
  public Appended append(Dialogue dialogue, GaimaceMessage message, String msgId) {
    String key = DialogueKeys.key(dialogue);
    String subject = DialogueKeys.storeSubject(dialogue);
    byte[] body = ProtocolCodec.encode(message);
    synchronized (stripes[Math.floorMod(key.hashCode(), stripes.length)]) {
      Cursor cursor = cursors.computeIfAbsent(key, k -> load(dialogue));
      for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        long pos = cursor.pos() + 1;
        Headers headers = new Headers().put(POS_HEADER, Long.toString(pos));
        PublishOptions options =
            PublishOptions.builder()
                .messageId(msgId)
                .expectedLastSubjectSequence(cursor.seq())
                .build();
        try {
          PublishAck ack = js.publish(subject, headers, body, options);
          if (ack.isDuplicate()) {
            Stored first = get(ack.getSeqno()).orElseThrow();
            return new Appended(first, true);
          }
          cursor = new Cursor(ack.getSeqno(), pos);
          cursors.put(key, cursor);
          if (pos % HistoryIndex.STRIDE == 0) {
            index.note(key, pos, ack.getSeqno());
          }
          return new Appended(
              new Stored(withSeq(message, ack.getSeqno()), ack.getSeqno(), pos), false);
        } catch (JetStreamApiException e) {
          if (e.getApiErrorCode() != WRONG_LAST_SEQUENCE) {
            throw new StoreException("cannot store message", e);
          }
          cursor = load(dialogue); // another instance appended first
          cursors.put(key, cursor);
        } catch (IOException e) {
          throw new StoreException("cannot store message", e);
        }
      }
    }
    throw new StoreException("dialogue " + dialogue.id() + " is too busy, try again", null);
  }

  /** The result of an append. */
  public record Appended(Stored stored, boolean duplicate) {}

  /** The message at a stream sequence. */
  public Optional<Stored> get(long seq) {
    try {
      return Optional.of(decode(jsm.getMessage(StoreSetup.MESSAGES, seq)));
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == NO_MESSAGE_FOUND) {
        return Optional.empty();
      }
      throw new StoreException("cannot read message " + seq, e);
    } catch (IOException e) {
      throw new StoreException("cannot read message " + seq, e);
    }
  }

  /** The newest message of a dialogue, if any. */
  public Optional<Stored> last(Dialogue dialogue) {
    try {
      return Optional.of(
          decode(jsm.getLastMessage(StoreSetup.MESSAGES, DialogueKeys.storeSubject(dialogue))));
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == NO_MESSAGE_FOUND) {
        return Optional.empty();
      }
      throw new StoreException("cannot read dialogue " + dialogue.id(), e);
    } catch (IOException e) {
      throw new StoreException("cannot read dialogue " + dialogue.id(), e);
    }
  }

  private Cursor load(Dialogue dialogue) {
    return last(dialogue).map(s -> new Cursor(s.seq(), s.pos())).orElse(new Cursor(0, 0));
  }

  private static GaimaceMessage withSeq(GaimaceMessage m, long seq) {
    if (m instanceof ChatMessage chat) {
      return chat.toBuilder().seq(seq).build();
    }
    if (m instanceof MessageEvent e) {
      return (GaimaceMessage) e.withSeq(seq);
    }
    throw new StoreException("not a log entry: '" + m.type() + "'", null);
  }

  static Stored decode(MessageInfo info) {
    return decode(info.getData(), info.getSeq(), info.getHeaders());
  }

  static Stored decode(byte[] data, long seq, Headers headers) {
    GaimaceMessage m = ProtocolCodec.decode(data);
    String pos = headers == null ? null : headers.getFirst(POS_HEADER);
    return new Stored(withSeq(m, seq), seq, pos == null ? 0 : Long.parseLong(pos));
  }
}
