package io.gaimace.server.files;

import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.api.FileChunk;
import io.gaimace.protocol.api.FileDownloadRequest;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Caller;
import io.gaimace.server.api.Check;
import io.gaimace.server.nats.Buckets;
import io.gaimace.server.rooms.DialogueAccess;
import java.util.Base64;

/**
 * {@code file.download}: one chunk per request, for members of the file's dialogue only. The client
 * decides the pace (it asks for the next chunk when it wants it), which is the back-pressure.
 */
public final class DownloadService {
  private final Buckets<FileRecord> records;
  private final FileObjects objects;
  private final DialogueAccess access;

  DownloadService(Buckets<FileRecord> records, FileObjects objects, DialogueAccess access) {
    this.records = records;
    this.objects = objects;
    this.access = access;
  }

  public FileChunk download(Caller caller, FileDownloadRequest req) throws ApiException {
    String id = Check.id(req.fileId(), "file_id");
    int index = Check.required(req.index(), "index");
    FileRecord r = records.get(id).orElseThrow(() -> ApiException.notFound("no file '" + id + "'"));
    access.requireMember(caller.userId(), Dialogue.parse(r.dialogueId()));
    int chunks = r.chunkSeqs().size();
    if (index < 0 || index >= chunks) {
      throw ApiException.invalid(
          "chunk index " + index + " is out of range: the file has " + chunks + " chunks");
    }
    byte[] data = objects.chunk(r.nuid(), r.chunkSeqs().get(index));
    if (data == null) {
      throw ApiException.notFound("file '" + id + "' has expired");
    }
    return new FileChunk(id, index, chunks, Base64.getEncoder().encodeToString(data));
  }
}
