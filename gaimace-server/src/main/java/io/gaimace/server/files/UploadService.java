package io.gaimace.server.files;

import io.gaimace.protocol.Attachment;
import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.api.FileChunkAck;
import io.gaimace.protocol.api.FileUploadAbort;
import io.gaimace.protocol.api.FileUploadBegin;
import io.gaimace.protocol.api.FileUploadChunk;
import io.gaimace.protocol.api.FileUploadCommit;
import io.gaimace.protocol.api.FileUploadStarted;
import io.gaimace.protocol.api.Ok;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Caller;
import io.gaimace.server.api.Check;
import io.gaimace.server.api.ErrorCode;
import io.gaimace.server.config.FileLimits;
import io.gaimace.server.nats.Buckets.Versioned;
import io.gaimace.server.rooms.DialogueAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * The upload path: {@code file.upload.begin} checks membership and size, {@code file.upload.chunk}
 * stages chunks in order, {@code file.upload.commit} checks size and SHA-256, writes the object and
 * then the record that makes the file visible, {@code file.upload.abort} drops an upload. All state
 * is in JetStream, so any instance may serve any step.
 */
public final class UploadService {
  private final UploadStaging staging;
  private final FileCommitter committer;
  private final DialogueAccess access;
  private final FileLimits limits;
  private final Clock clock;

  UploadService(
      UploadStaging staging,
      FileCommitter committer,
      DialogueAccess access,
      FileLimits limits,
      Clock clock) {
    this.staging = staging;
    this.committer = committer;
    this.access = access;
    this.limits = limits;
    this.clock = clock;
  }

  public FileUploadStarted begin(Caller caller, FileUploadBegin req) throws ApiException {
    Dialogue dialogue = Check.dialogue(req.dialogueId(), "dialogue_id");
    String name = FileNames.name(req.name());
    String mime = FileNames.mime(req.mime());
    long size = Check.required(req.size(), "size");
    if (size < 0) {
      throw ApiException.invalid("field 'size' must not be negative");
    }
    if (size > limits.maxFileBytes()) {
      throw new ApiException(
          ErrorCode.TOO_LARGE, "file is " + size + " bytes; the limit is " + limits.maxFileBytes());
    }
    access.requireMember(caller.userId(), dialogue);
    if (staging.openUploads(caller.userId()) >= limits.maxUploadsPerUser()) {
      throw new ApiException(
          ErrorCode.RATE_LIMITED,
          "you have " + limits.maxUploadsPerUser() + " uploads open; finish or abort one first");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    UploadSession s =
        new UploadSession(
            UUID.randomUUID().toString(),
            caller.userId(),
            dialogue.id(),
            name,
            size,
            mime,
            UploadSession.chunksFor(size),
            0,
            now);
    if (!staging.writeSession(s, 0)) {
      throw new ApiException(ErrorCode.INTERNAL, "upload id collision; try again");
    }
    return new FileUploadStarted(
        s.uploadId(), FileStores.CHUNK_SIZE, s.chunks(), now.plus(limits.uploadTimeout()));
  }

  public FileChunkAck chunk(Caller caller, FileUploadChunk req) throws ApiException {
    String id = Check.id(req.uploadId(), "upload_id");
    int index = Check.required(req.index(), "index");
    byte[] data = decode(Check.required(req.data(), "data"));
    for (int attempt = 0; attempt < 8; attempt++) {
      Versioned<UploadSession> v = open(caller, id);
      UploadSession s = v.value();
      if (index < 0 || index >= s.chunks()) {
        throw ApiException.invalid(
            "chunk index " + index + " is out of range: the upload has " + s.chunks() + " chunks");
      }
      if (index < s.received()) {
        return new FileChunkAck(id, index, s.received()); // a retry: already staged
      }
      if (index > s.received()) {
        throw ApiException.invalid(
            "chunks go in order: expected chunk " + s.received() + ", got " + index);
      }
      if (data.length != s.chunkLength(index)) {
        throw ApiException.invalid(
            "chunk " + index + " must be " + s.chunkLength(index) + " bytes, not " + data.length);
      }
      staging.putChunk(caller.userId(), id, index, data);
      if (staging.writeSession(s.withReceived(index + 1), v.revision())) {
        return new FileChunkAck(id, index, index + 1);
      }
      // Another instance handled a retry of this chunk at the same time: look again.
    }
    throw new ApiException(ErrorCode.INTERNAL, "upload " + id + " is too busy; try again");
  }

  public Attachment commit(Caller caller, FileUploadCommit req) throws ApiException {
    String id = Check.id(req.uploadId(), "upload_id");
    String sha256 = FileNames.sha256(req.sha256());
    var done = committer.committed(caller.userId(), id);
    if (done.isPresent()) {
      return done.get(); // a retried commit whose reply was lost
    }
    UploadSession s = open(caller, id).value();
    if (s.received() < s.chunks()) {
      throw ApiException.invalid(
          "upload is incomplete: " + s.received() + " of " + s.chunks() + " chunks received");
    }
    access.requireMember(caller.userId(), Dialogue.parse(s.dialogueId()));
    return committer.commit(s, sha256);
  }

  public Ok abort(Caller caller, FileUploadAbort req) throws ApiException {
    String id = Check.id(req.uploadId(), "upload_id");
    if (staging.session(caller.userId(), id).isEmpty()) {
      throw ApiException.notFound("no upload '" + id + "' in progress");
    }
    staging.drop(caller.userId(), id);
    return Ok.of("upload " + id + " aborted");
  }

  /** The caller's own upload, still within its time. */
  private Versioned<UploadSession> open(Caller caller, String id) throws ApiException {
    Versioned<UploadSession> v =
        staging
            .session(caller.userId(), id)
            .orElseThrow(
                () -> ApiException.notFound("no upload '" + id + "' in progress (or it expired)"));
    if (clock.instant().isAfter(v.value().startedAt().plus(limits.uploadTimeout()))) {
      staging.drop(caller.userId(), id);
      throw ApiException.notFound("upload '" + id + "' expired; start again");
    }
    return v;
  }

  private static byte[] decode(String data) throws ApiException {
    try {
      return Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("field 'data' is not base64: " + e.getMessage());
    }
  }
}
