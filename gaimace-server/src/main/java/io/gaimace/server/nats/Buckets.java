package io.gaimace.server.nats;

import io.gaimace.protocol.ProtocolCodec;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueWatchOption;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A typed view of one KV bucket whose values are JSON records. Reads and writes go straight to
 * JetStream; nothing is cached, so any number of server instances see the same state.
 */
public final class Buckets<T> {
  private static final Duration READ_ALL_TIMEOUT = Duration.ofSeconds(10);
  private final KeyValue kv;
  private final Class<T> type;

  public Buckets(KeyValue kv, Class<T> type) {
    this.kv = kv;
    this.type = type;
  }

  /** The entry's value and its revision, for compare-and-set. */
  public record Versioned<T>(T value, long revision) {}

  public Optional<T> get(String key) {
    return getVersioned(key).map(Versioned::value);
  }

  public Optional<Versioned<T>> getVersioned(String key) {
    try {
      KeyValueEntry e = kv.get(key);
      if (e == null || e.getValue() == null) {
        return Optional.empty();
      }
      return Optional.of(new Versioned<>(decode(e.getValue()), e.getRevision()));
    } catch (IOException | JetStreamApiException e) {
      throw new StoreException("cannot read " + key, e);
    }
  }

  public long put(String key, T value) {
    try {
      return kv.put(key, encode(value));
    } catch (IOException | JetStreamApiException e) {
      throw new StoreException("cannot write " + key, e);
    }
  }

  /** Writes only if the key is absent; false when it exists. */
  public boolean create(String key, T value) {
    try {
      kv.create(key, encode(value));
      return true;
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == 10071) {
        return false;
      }
      throw new StoreException("cannot create " + key, e);
    } catch (IOException e) {
      throw new StoreException("cannot create " + key, e);
    }
  }

  /** Writes only if the key is still at {@code revision}; false when someone wrote first. */
  public boolean update(String key, T value, long revision) {
    try {
      kv.update(key, encode(value), revision);
      return true;
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == 10071) {
        return false;
      }
      throw new StoreException("cannot update " + key, e);
    } catch (IOException e) {
      throw new StoreException("cannot update " + key, e);
    }
  }

  public void delete(String key) {
    try {
      kv.delete(key);
    } catch (IOException | JetStreamApiException e) {
      throw new StoreException("cannot delete " + key, e);
    }
  }

  /** Keys matching a NATS-style filter such as {@code room.general.*}. */
  public java.util.List<String> keys(String filter) {
    try {
      return kv.keys(filter);
    } catch (IOException | JetStreamApiException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new StoreException("cannot list keys " + filter, e);
    }
  }

  /**
   * Values of every key matching the filter, read in one pass: a watcher delivers the current value
   * of each matching key, then "end of data", and is closed. That is one short-lived consumer
   * however many keys match, where listing keys and reading each would cost one round trip per key
   * (10,000 for the presence of 10,000 users).
   */
  public java.util.List<T> values(String filter) {
    java.util.List<byte[]> raw = new java.util.ArrayList<>();
    java.util.concurrent.CompletableFuture<Void> done =
        new java.util.concurrent.CompletableFuture<>();
    KeyValueWatcher watcher =
        new KeyValueWatcher() {
          @Override
          public void watch(KeyValueEntry entry) {
            if (entry.getValue() != null) {
              raw.add(entry.getValue());
            }
          }

          @Override
          public void endOfData() {
            done.complete(null);
          }
        };
    NatsKeyValueWatchSubscription sub = null;
    try {
      sub = kv.watch(filter, watcher, KeyValueWatchOption.IGNORE_DELETE);
      done.get(READ_ALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException | JetStreamApiException | ExecutionException | TimeoutException e) {
      throw new StoreException("cannot read values " + filter, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted reading values " + filter, e);
    } finally {
      if (sub != null) {
        sub.unsubscribe();
      }
    }
    // The watcher's thread has finished adding before endOfData completed the future.
    return raw.stream().map(this::decode).toList();
  }

  private byte[] encode(T value) {
    try {
      return ProtocolCodec.mapper().writeValueAsBytes(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private T decode(byte[] bytes) {
    try {
      return ProtocolCodec.mapper().readValue(bytes, type);
    } catch (IOException e) {
      throw new StoreException("stored value is not a " + type.getSimpleName(), e);
    }
  }
}
