package io.gaimace.sdk.internal;

import io.gaimace.protocol.Attachment;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.FileChunkAck;
import io.gaimace.protocol.api.FileUploadAbort;
import io.gaimace.protocol.api.FileUploadBegin;
import io.gaimace.protocol.api.FileUploadChunk;
import io.gaimace.protocol.api.FileUploadCommit;
import io.gaimace.protocol.api.FileUploadStarted;
import io.gaimace.protocol.api.Ok;
import io.gaimace.sdk.GaimaceException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One upload, run on a file-transfer thread: {@code file.upload.begin}, then each chunk as read
 * from the stream (one request at a time, so memory stays at one chunk), hashing as it goes, then
 * {@code file.upload.commit} with the SHA-256. On any failure the upload is aborted, so the server
 * drops what it staged.
 */
final class Uploader {
  /** Local failure reading the content. */
  static final String IO = "io";

  private static final int ATTEMPTS = 3;

  private final Api api;

  Uploader(Api api) {
    this.api = api;
  }

  Attachment upload(String dialogueId, String name, String mime, InputStream in, long size) {
    FileUploadStarted started =
        Calls.await(
            () ->
                api.call(
                    ApiSubjects.FILE_UPLOAD_BEGIN,
                    new FileUploadBegin(dialogueId, name, size, mime),
                    FileUploadStarted.class),
            1);
    String id = started.uploadId();
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      long left = size;
      for (int i = 0; i < started.chunks(); i++) {
        byte[] chunk = in.readNBytes((int) Math.min(started.chunkSize(), left));
        if (chunk.length == 0 || chunk.length < Math.min(started.chunkSize(), left)) {
          throw new GaimaceException(
              IO,
              "the content ended after " + (size - left + chunk.length) + " of " + size + " bytes");
        }
        sha256.update(chunk);
        left -= chunk.length;
        FileUploadChunk body =
            new FileUploadChunk(id, i, Base64.getEncoder().encodeToString(chunk));
        Calls.await(
            () -> api.call(ApiSubjects.FILE_UPLOAD_CHUNK, body, FileChunkAck.class), ATTEMPTS);
      }
      if (in.read() >= 0) {
        throw new GaimaceException(IO, "the content is longer than the " + size + " bytes given");
      }
      FileUploadCommit commit = new FileUploadCommit(id, HexFormat.of().formatHex(sha256.digest()));
      return Calls.await(
          () -> api.call(ApiSubjects.FILE_UPLOAD_COMMIT, commit, Attachment.class), ATTEMPTS);
    } catch (IOException e) {
      abort(id);
      throw new GaimaceException(IO, "cannot read the file: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      abort(id);
      throw new IllegalStateException("every JDK has SHA-256", e);
    } catch (RuntimeException e) {
      abort(id);
      throw e;
    }
  }

  private void abort(String id) {
    // Best effort: an upload nobody aborts is dropped by the server after its timeout anyway.
    api.call(ApiSubjects.FILE_UPLOAD_ABORT, new FileUploadAbort(id), Ok.class);
  }
}
