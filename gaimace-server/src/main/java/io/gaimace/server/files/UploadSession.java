package io.gaimace.server.files;

import java.time.Instant;

/**
 * An upload in progress, the newest message on {@code upload.<user>.<upload_id>.m} of {@value
 * FileStores#STAGING}. Rewritten (compare-and-set) after each new chunk, which also keeps it from
 * ageing out while chunks flow.
 *
 * @param chunks how many chunks the declared size makes
 * @param received chunks 0 to {@code received - 1} are staged
 */
public record UploadSession(
    String uploadId,
    String uploader,
    String dialogueId,
    String name,
    long size,
    String mime,
    int chunks,
    int received,
    Instant startedAt) {

  /** The length chunk {@code index} must have. */
  public int chunkLength(int index) {
    return (int) Math.min(FileStores.CHUNK_SIZE, size - (long) index * FileStores.CHUNK_SIZE);
  }

  public UploadSession withReceived(int n) {
    return new UploadSession(
        uploadId, uploader, dialogueId, name, size, mime, chunks, n, startedAt);
  }

  /** How many chunks a file of this size is cut into. */
  public static int chunksFor(long size) {
    return (int) ((size + FileStores.CHUNK_SIZE - 1) / FileStores.CHUNK_SIZE);
  }
}
