package io.gaimace.server.files;

import io.gaimace.server.config.FileLimits;
import io.gaimace.server.config.Retention;
import io.gaimace.server.nats.StoreSetup;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValueManagement;
import io.nats.client.ObjectStoreManagement;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Creates or updates, at every start, the three places files live, all in the CHAT account's
 * JetStream with {@code retention.replicas}: the object store {@value #OBJECTS} (the files'
 * content, kept {@code retention.max-age} so files expire with their dialogue's messages), the KV
 * bucket {@value #RECORDS} (one record per committed file, same age), and the stream {@value
 * #STAGING} (chunks of uploads in progress, kept {@code files.upload-timeout}).
 */
public final class FileStores {
  /** Object store bucket of committed files. */
  public static final String OBJECTS = "gaimace-files";

  /** The stream behind {@link #OBJECTS}. */
  public static final String OBJECTS_STREAM = "OBJ_" + OBJECTS;

  /** KV bucket: file id to {@link FileRecord}. */
  public static final String RECORDS = "gaimace-file-records";

  /** Stream of uploads in progress, subjects {@code upload.<user>.<upload_id>.>}. */
  public static final String STAGING = "GAIMACE_UPLOADS";

  /** Bytes per chunk, upload and download: base64 in JSON stays well under a request's 256 KiB. */
  public static final int CHUNK_SIZE = 128 * 1024;

  private static final int STREAM_EXISTS = 10058;

  private FileStores() {}

  public static void ensure(Connection chat, Retention retention, FileLimits limits)
      throws IOException, JetStreamApiException {
    JetStreamManagement jsm = chat.jetStreamManagement();
    ensureObjects(chat.objectStoreManagement(), jsm, retention, limits);
    KeyValueConfiguration records =
        KeyValueConfiguration.builder()
            .name(RECORDS)
            .storageType(StorageType.File)
            .replicas(retention.replicas())
            .maxHistoryPerKey(1)
            .ttl(retention.maxAge())
            .build();
    KeyValueManagement kvm = chat.keyValueManagement();
    try {
      kvm.create(records);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != STREAM_EXISTS) {
        throw e;
      }
      kvm.update(records);
    }
    // Discard new: a full staging area refuses further chunks instead of eating older uploads.
    StreamConfiguration staging =
        StreamConfiguration.builder()
            .name(STAGING)
            .subjects("upload.>")
            .storageType(StorageType.File)
            .replicas(retention.replicas())
            .maxAge(limits.uploadTimeout())
            .maxMessagesPerSubject(1)
            .maxBytes(Math.max(limits.maxBytes() / 4, limits.maxFileBytes() + CHUNK_SIZE))
            .maximumMessageSize(CHUNK_SIZE + 4096)
            .discardPolicy(DiscardPolicy.New)
            .allowDirect(true)
            .build();
    try {
      jsm.addStream(staging);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != STREAM_EXISTS) {
        throw e;
      }
      jsm.updateStream(staging);
    }
  }

  private static void ensureObjects(
      ObjectStoreManagement osm, JetStreamManagement jsm, Retention retention, FileLimits limits)
      throws IOException, JetStreamApiException {
    try {
      osm.create(
          ObjectStoreConfiguration.builder()
              .name(OBJECTS)
              .storageType(StorageType.File)
              .replicas(retention.replicas())
              .ttl(retention.maxAge())
              .maxBucketSize(limits.maxBytes())
              .build());
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != STREAM_EXISTS) {
        throw e;
      }
      // The object store API has no update: change the stream behind it.
      StreamConfiguration current = jsm.getStreamInfo(OBJECTS_STREAM).getConfiguration();
      jsm.updateStream(
          StreamConfiguration.builder(current)
              .replicas(retention.replicas())
              .maxAge(retention.maxAge())
              .maxBytes(limits.maxBytes())
              .build());
    }
  }

  private static List<String> streams() {
    return List.of(OBJECTS_STREAM, "KV_" + RECORDS, STAGING);
  }

  /** Waits until every file stream has a leader (replicated streams elect one after creation). */
  public static void awaitReady(Connection chat, Duration timeout)
      throws IOException, InterruptedException {
    StoreSetup.awaitLeaders(chat, streams(), timeout);
  }
}
