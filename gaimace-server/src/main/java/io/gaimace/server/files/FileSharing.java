package io.gaimace.server.files;

import io.gaimace.server.config.FileLimits;
import io.gaimace.server.nats.StoreSetup;
import io.gaimace.server.ops.Metrics;
import io.gaimace.server.rooms.DialogueAccess;
import io.nats.client.Connection;
import java.io.IOException;
import java.time.Clock;

/**
 * File sharing, wired: the upload and download operations and the resolver the send path uses to
 * attach files. Create after {@link FileStores#ensure} on the server's CHAT connection.
 */
public final class FileSharing {
  private final UploadService uploads;
  private final DownloadService downloads;
  private final AttachmentResolver attachments;

  private FileSharing(
      UploadService uploads, DownloadService downloads, AttachmentResolver attachments) {
    this.uploads = uploads;
    this.downloads = downloads;
    this.attachments = attachments;
  }

  public static FileSharing open(
      Connection chat, DialogueAccess access, FileLimits limits, Metrics metrics, Clock clock)
      throws IOException {
    var records = StoreSetup.bucket(chat, FileStores.RECORDS, FileRecord.class);
    UploadStaging staging = new UploadStaging(chat);
    FileObjects objects = new FileObjects(chat);
    FileCommitter committer = new FileCommitter(staging, objects, records, clock);
    metrics.gauge("gaimace_files_committed", committer::committedCount);
    metrics.gauge("gaimace_file_bytes_committed", committer::committedBytes);
    return new FileSharing(
        new UploadService(staging, committer, access, limits, clock),
        new DownloadService(records, objects, access),
        new AttachmentResolver(records));
  }

  public UploadService uploads() {
    return uploads;
  }

  public DownloadService downloads() {
    return downloads;
  }

  public AttachmentResolver attachments() {
    return attachments;
  }
}
