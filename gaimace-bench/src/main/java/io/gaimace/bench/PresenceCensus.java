package io.gaimace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.server.nats.StoreSetup;
import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads what Gaimace's presence tracking recorded, straight from its buckets with one watcher each
 * (the server's own {@code onlineCount()} does one KV get per user): connection records and users
 * whose status is not offline.
 */
final class PresenceCensus {
  private PresenceCensus() {}

  /** Connection records in {@code gaimace-connections}. */
  static long connections(Connection raw) throws Exception {
    return count(raw.keyValue(StoreSetup.CONNECTIONS), e -> true);
  }

  /** Users recorded online or away in {@code gaimace-presence}. */
  static long online(Connection raw) throws Exception {
    return count(
        raw.keyValue(StoreSetup.PRESENCE),
        e -> {
          try {
            JsonNode n = ProtocolCodec.mapper().readTree(e.getValue());
            return !"offline".equals(n.path("status").asText());
          } catch (IOException ex) {
            return false;
          }
        });
  }

  private interface Filter {
    boolean test(KeyValueEntry e);
  }

  private static long count(KeyValue kv, Filter filter) throws Exception {
    AtomicLong n = new AtomicLong();
    CountDownLatch end = new CountDownLatch(1);
    var watch =
        kv.watchAll(
            new KeyValueWatcher() {
              @Override
              public void watch(KeyValueEntry e) {
                if (e.getOperation() == KeyValueOperation.PUT && filter.test(e)) {
                  n.incrementAndGet();
                }
              }

              @Override
              public void endOfData() {
                end.countDown();
              }
            });
    try {
      if (!end.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no end of data from " + kv.getBucketName());
      }
      return n.get();
    } finally {
      watch.unsubscribe();
    }
  }
}
