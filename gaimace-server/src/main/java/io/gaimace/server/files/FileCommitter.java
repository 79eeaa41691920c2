package io.gaimace.server.files;

import io.gaimace.protocol.Attachment;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.ErrorCode;
import io.gaimace.server.nats.Buckets;
import io.gaimace.server.nats.StoreException;
import io.nats.client.JetStreamApiException;
import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns a fully staged upload into a visible file, in an order that never shows half a file: (1)
 * copy the staged chunks into a fresh object, hashing them; (2) compare size and SHA-256, deleting
 * the object on a mismatch; (3) create the {@link FileRecord}, which is what makes the file
 * visible; (4) drop the staged chunks. A crash between (1) and (3) leaves an object no record
 * points to: invisible, and removed by the object store's max age.
 */
final class FileCommitter {
  private static final int STORE_FULL = 10077;

  private final UploadStaging staging;
  private final FileObjects objects;
  private final Buckets<FileRecord> records;
  private final Clock clock;
  private final LongAdder committed = new LongAdder();
  private final LongAdder committedBytes = new LongAdder();

  FileCommitter(
      UploadStaging staging, FileObjects objects, Buckets<FileRecord> records, Clock clock) {
    this.staging = staging;
    this.objects = objects;
    this.records = records;
    this.clock = clock;
  }

  /** The attachment of a file this user already committed under this id. */
  Optional<Attachment> committed(String user, String fileId) {
    return records.get(fileId).filter(r -> r.uploader().equals(user)).map(FileRecord::attachment);
  }

  Attachment commit(UploadSession s, String sha256) throws ApiException {
    // A fresh object name per attempt, so two racing commits never delete each other's object.
    String object = s.uploadId() + "." + UUID.randomUUID().toString().substring(0, 8);
    StagedContent content = new StagedContent(staging, s);
    FileObjects.Stored stored;
    try {
      stored = objects.put(object, content, s.chunks());
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == STORE_FULL) {
        throw new ApiException(ErrorCode.TOO_LARGE, "the server's file store is full");
      }
      throw new StoreException("cannot store file " + s.uploadId(), e);
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("expired")) {
        throw ApiException.notFound("upload '" + s.uploadId() + "' expired; start again");
      }
      throw new StoreException("cannot store file " + s.uploadId(), e);
    }
    String actual = content.sha256Hex();
    if (content.total() != s.size() || !actual.equals(sha256)) {
      objects.delete(object);
      staging.drop(s.uploader(), s.uploadId());
      throw new ApiException(
          ErrorCode.CHECKSUM_MISMATCH,
          "the uploaded content's SHA-256 is " + actual + ", not " + sha256 + "; upload it again");
    }
    Attachment attachment = new Attachment(s.uploadId(), s.name(), s.size(), s.mime(), sha256);
    FileRecord record =
        new FileRecord(
            s.uploadId(),
            s.dialogueId(),
            s.uploader(),
            attachment,
            object,
            stored.nuid(),
            stored.chunkSeqs(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    if (!records.create(s.uploadId(), record)) {
      objects.delete(object); // a concurrent commit of the same upload won
      return records.get(s.uploadId()).orElseThrow().attachment();
    }
    staging.drop(s.uploader(), s.uploadId());
    committed.increment();
    committedBytes.add(s.size());
    return attachment;
  }

  long committedCount() {
    return committed.sum();
  }

  long committedBytes() {
    return committedBytes.sum();
  }
}
