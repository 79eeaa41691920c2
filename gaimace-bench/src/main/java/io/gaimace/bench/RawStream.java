package io.gaimace.bench;

import io.gaimace.server.config.Retention;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.Republish;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;

/**
 * The raw-NATS baseline's stream: the closest equivalent of what Gaimace does. Gaimace stores a
 * message in {@code GAIMACE_MESSAGES} under {@code store.chat.>} and the stream's RePublish
 * delivers it on {@code chat.>} to plain core subscribers; this stream is configured the same way
 * (file storage, same limits, duplicate window, direct get, RePublish {@code bench.store.>} →
 * {@code bench.chat.>}), and raw clients publish to it directly with no request/reply hop, no JSON
 * envelope, no expected-last-subject-sequence check and no history index.
 */
final class RawStream {
  static final String NAME = "BENCH_RAW";
  static final String STORE_PREFIX = "bench.store.";
  static final String CHAT_PREFIX = "bench.chat.";

  private RawStream() {}

  static void create(JetStreamManagement jsm, int maxMessageBytes)
      throws IOException, JetStreamApiException {
    Retention r = BenchEnv.RETENTION;
    jsm.addStream(
        StreamConfiguration.builder()
            .name(NAME)
            .subjects(STORE_PREFIX + ">")
            .storageType(StorageType.File)
            .replicas(1)
            .maxAge(r.maxAge())
            .maxMessagesPerSubject(r.maxMessagesPerDialogue())
            .maxBytes(r.maxBytes())
            .maximumMessageSize(maxMessageBytes)
            .discardPolicy(DiscardPolicy.Old)
            .duplicateWindow(Duration.ofMinutes(2))
            .allowDirect(true)
            .republish(
                Republish.builder()
                    .source(STORE_PREFIX + ">")
                    .destination(CHAT_PREFIX + ">")
                    .build())
            .build());
  }

  static String storeSubject(String roomId) {
    return STORE_PREFIX + "room." + roomId;
  }

  static String chatSubject(String roomId) {
    return CHAT_PREFIX + "room." + roomId;
  }
}
