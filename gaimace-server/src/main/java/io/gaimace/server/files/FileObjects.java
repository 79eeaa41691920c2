package io.gaimace.server.files;

import io.gaimace.server.nats.StoreException;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.ObjectStore;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.ObjectInfo;
import io.nats.client.api.ObjectMeta;
import java.io.IOException;
import java.io.InputStream;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Committed files' content in the object store {@value FileStores#OBJECTS}, written with the
 * standard object store layout (so {@code nats object get} works for operators) and read back one
 * chunk at a time by stream sequence.
 */
final class FileObjects {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FileObjects.class);
  private static final int NO_MESSAGE_FOUND = 10037;

  private final ObjectStore store;
  private final JetStreamManagement jsm;

  FileObjects(Connection chat) throws IOException {
    this.store = chat.objectStore(FileStores.OBJECTS);
    this.jsm = chat.jetStreamManagement();
  }

  /** What was stored: the object's chunk id and the stream sequence of each chunk. */
  record Stored(String nuid, List<Long> chunkSeqs) {}

  /**
   * Stores the content in chunks of {@link FileStores#CHUNK_SIZE}.
   *
   * @throws JetStreamApiException when JetStream refuses (10077: the store is full)
   */
  Stored put(String object, InputStream content, int chunks)
      throws IOException, JetStreamApiException {
    ObjectInfo info;
    try {
      info =
          store.put(ObjectMeta.builder(object).chunkSize(FileStores.CHUNK_SIZE).build(), content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    String subject = chunkSubject(info.getNuid());
    List<Long> seqs = new ArrayList<>(chunks);
    long from = 1;
    for (int i = 0; i < info.getChunks(); i++) {
      MessageInfo m = jsm.getNextMessage(FileStores.OBJECTS_STREAM, from, subject);
      seqs.add(m.getSeq());
      from = m.getSeq() + 1;
    }
    return new Stored(info.getNuid(), seqs);
  }

  /** Chunk bytes at this sequence, or null when the object expired. */
  byte[] chunk(String nuid, long seq) {
    try {
      MessageInfo m = jsm.getMessage(FileStores.OBJECTS_STREAM, seq);
      // The sequence comes from our own record; the subject check guards against reuse anyway.
      return chunkSubject(nuid).equals(m.getSubject()) ? m.getData() : null;
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == NO_MESSAGE_FOUND) {
        return null;
      }
      throw new StoreException("cannot read file chunk", e);
    } catch (IOException e) {
      throw new StoreException("cannot read file chunk", e);
    }
  }

  /**
   * Removes an object that must not stay (a failed or lost commit). Best effort: no record points
   * to it, so if it cannot be removed now it is invisible all the same and ages out with the store.
   */
  void delete(String object) {
    try {
      store.delete(object);
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      LOG.warn("cannot delete object {}; it ages out with the store", object, e);
    }
  }

  private static String chunkSubject(String nuid) {
    return "$O." + FileStores.OBJECTS + ".C." + nuid;
  }
}
