package io.gaimace.server.files;

import io.gaimace.protocol.Attachment;
import java.time.Instant;
import java.util.List;

/**
 * A committed file, the value of key {@code <file_id>} in {@value FileStores#RECORDS}. Its
 * existence is what makes a file visible: downloads and attachments look only here.
 *
 * @param dialogueId the dialogue whose members may download it
 * @param uploader who uploaded it; only they may attach it to a message
 * @param object the object's name in {@value FileStores#OBJECTS}
 * @param nuid the object's chunk id: its chunks are on {@code $O.<bucket>.C.<nuid>}
 * @param chunkSeqs the stream sequence of each chunk, so chunk i is one direct get
 */
public record FileRecord(
    String fileId,
    String dialogueId,
    String uploader,
    Attachment attachment,
    String object,
    String nuid,
    List<Long> chunkSeqs,
    Instant createdAt) {
  public FileRecord {
    chunkSeqs = List.copyOf(chunkSeqs);
  }
}
