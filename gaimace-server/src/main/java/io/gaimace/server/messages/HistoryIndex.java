package io.gaimace.server.messages;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Notes the stream sequence of every {@value #STRIDE}th message of each dialogue, in the {@code
 * gaimace-history-index} bucket ({@code <dialogue key>.<pos / STRIDE>}). A page of the newest
 * messages before position p then starts reading at most {@value #STRIDE} messages early, however
 * many messages other dialogues hold. One KV write per {@value #STRIDE} messages.
 */
final class HistoryIndex {
  static final int STRIDE = 64;
  private final KeyValue kv;

  HistoryIndex(KeyValue kv) {
    this.kv = kv;
  }

  void note(String dialogueKey, long pos, long seq) {
    try {
      kv.put(
          dialogueKey + "." + (pos / STRIDE),
          Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
    } catch (IOException | JetStreamApiException e) {
      // The index only speeds reads up; a missing entry makes one page read from further back.
    }
  }

  /** A stream sequence at or before the message at {@code pos}; 1 when nothing better is known. */
  long seqAtOrBefore(String dialogueKey, long pos) {
    for (long bucket = pos / STRIDE; bucket > 0; bucket--) {
      try {
        KeyValueEntry e = kv.get(dialogueKey + "." + bucket);
        if (e != null && e.getValue() != null) {
          return Long.parseLong(new String(e.getValue(), StandardCharsets.US_ASCII));
        }
      } catch (IOException | JetStreamApiException | NumberFormatException e) {
        return 1;
      }
      if (pos / STRIDE - bucket >= 2) {
        break; // expired entries: do not walk the whole index
      }
    }
    return 1;
  }
}
