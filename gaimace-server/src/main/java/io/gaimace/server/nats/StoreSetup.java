package io.gaimace.server.nats;

import io.gaimace.server.config.Retention;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.Republish;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;

/**
 * Creates or updates, at every start, the stream and KV buckets that hold all of Gaimace's state.
 * Safe to run from several instances at once: creating what exists is an update to the same
 * configuration.
 */
public final class StoreSetup {
  /** The stream of every chat message; stored under {@code store.chat.>}, delivered on chat.>. */
  public static final String MESSAGES = "GAIMACE_MESSAGES";

  public static final String STORE_PREFIX = "store.";

  public static final String USERS = "gaimace-users";
  public static final String TOKENS = "gaimace-tokens";
  public static final String ROOMS = "gaimace-rooms";
  public static final String MEMBERS = "gaimace-members";
  public static final String READS = "gaimace-reads";
  public static final String PRESENCE = "gaimace-presence";
  public static final String CONNECTIONS = "gaimace-connections";
  public static final String HISTORY_INDEX = "gaimace-history-index";
  public static final String MESSAGE_STATE = "gaimace-message-state";

  private StoreSetup() {}

  /**
   * Ensures the stream and buckets exist with the configured retention.
   *
   * @param maxMessageBytes largest stored message (content limit plus envelope)
   */
  public static void ensure(Connection chat, Retention retention, int maxMessageBytes)
      throws IOException, JetStreamApiException {
    JetStreamManagement jsm = chat.jetStreamManagement();
    StreamConfiguration stream =
        StreamConfiguration.builder()
            .name(MESSAGES)
            .subjects(STORE_PREFIX + "chat.>")
            .storageType(StorageType.File)
            .replicas(retention.replicas())
            .maxAge(retention.maxAge())
            .maxMessagesPerSubject(retention.maxMessagesPerDialogue())
            .maxBytes(retention.maxBytes())
            .maximumMessageSize(maxMessageBytes)
            .discardPolicy(DiscardPolicy.Old)
            .duplicateWindow(Duration.ofMinutes(2))
            .allowDirect(true)
            .republish(
                Republish.builder().source(STORE_PREFIX + "chat.>").destination("chat.>").build())
            .build();
    try {
      jsm.addStream(stream);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != 10058) { // stream name already in use with a different config
        throw e;
      }
      jsm.updateStream(stream);
    }
    KeyValueManagement kvm = chat.keyValueManagement();
    for (String bucket : new String[] {USERS, TOKENS, ROOMS, MEMBERS, PRESENCE, CONNECTIONS}) {
      ensureBucket(kvm, bucket, null, retention.replicas());
    }
    // Read markers and the history index describe messages, so they age out with them.
    ensureBucket(kvm, READS, retention.maxAge(), retention.replicas());
    ensureBucket(kvm, HISTORY_INDEX, retention.maxAge(), retention.replicas());
    ensureBucket(kvm, MESSAGE_STATE, retention.maxAge(), retention.replicas());
  }

  /**
   * Waits until the stream and every bucket has a leader. Replicated streams elect one a few
   * seconds after they are created; requests before that would time out.
   */
  public static void awaitReady(Connection chat, java.time.Duration timeout)
      throws IOException, InterruptedException {
    java.util.List<String> streams = new java.util.ArrayList<>(java.util.List.of(MESSAGES));
    for (String b :
        new String[] {USERS, TOKENS, ROOMS, MEMBERS, READS, PRESENCE, CONNECTIONS, HISTORY_INDEX}) {
      streams.add("KV_" + b);
    }
    awaitLeaders(chat, streams, timeout);
  }

  /** Waits until each of these streams has a leader, or fails after {@code timeout}. */
  public static void awaitLeaders(
      Connection chat, java.util.List<String> streams, java.time.Duration timeout)
      throws IOException, InterruptedException {
    JetStreamManagement jsm = chat.jetStreamManagement();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String stream : streams) {
      while (true) {
        try {
          io.nats.client.api.ClusterInfo info = jsm.getStreamInfo(stream).getClusterInfo();
          if (info == null || info.getLeader() != null) {
            break;
          }
        } catch (JetStreamApiException e) {
          // not answerable yet while the stream's group forms
        }
        if (System.nanoTime() > deadline) {
          throw new IOException("stream " + stream + " has no leader after " + timeout);
        }
        Thread.sleep(100); // polling the cluster's election, not a test
      }
    }
  }

  /** Creates a bucket, or updates its configuration when it exists. */
  public static void ensureBucket(KeyValueManagement kvm, String name, Duration ttl, int replicas)
      throws IOException, JetStreamApiException {
    KeyValueConfiguration.Builder b =
        KeyValueConfiguration.builder()
            .name(name)
            .storageType(StorageType.File)
            .replicas(replicas)
            .maxHistoryPerKey(1);
    if (ttl != null) {
      b.ttl(ttl);
    }
    KeyValueConfiguration config = b.build();
    try {
      kvm.create(config);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != 10058) {
        throw e;
      }
      kvm.update(config);
    }
  }

  /** Opens a bucket as a typed view. */
  public static <T> Buckets<T> bucket(Connection chat, String name, Class<T> type)
      throws IOException {
    KeyValue kv = chat.keyValue(name);
    return new Buckets<>(kv, type);
  }
}
