package io.gaimace.server.files;

import io.gaimace.protocol.Attachment;
import io.gaimace.protocol.Dialogue;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Check;
import io.gaimace.server.nats.Buckets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Turns the file ids of a {@code send} into attachments. A sender may attach only files it uploaded
 * itself into the same dialogue and committed; anything else is refused, so a message can never
 * point members at a file they could not download or that someone else chose to share.
 */
public final class AttachmentResolver {
  /** Most files on one message. */
  public static final int MAX_ATTACHMENTS = 10;

  /**
   * Most bytes the attachments add to a stored message: per attachment a 36-character id, a name of
   * at most 255 characters (3 UTF-8 bytes each at worst), a MIME type of at most 255 (quotes
   * escaped), the size, the 64-digit checksum and the JSON around them stay under 1,536 bytes.
   */
  public static final int MAX_ENCODED_BYTES = MAX_ATTACHMENTS * 1536;

  private final Buckets<FileRecord> records;

  AttachmentResolver(Buckets<FileRecord> records) {
    this.records = records;
  }

  /** The attachments, or null when the request names none. */
  public List<Attachment> resolve(String sender, Dialogue dialogue, List<String> fileIds)
      throws ApiException {
    if (fileIds == null || fileIds.isEmpty()) {
      return null;
    }
    if (fileIds.size() > MAX_ATTACHMENTS) {
      throw ApiException.invalid("a message carries at most " + MAX_ATTACHMENTS + " attachments");
    }
    List<Attachment> out = new ArrayList<>();
    for (String id : new LinkedHashSet<>(fileIds)) {
      Check.id(id, "attachments");
      FileRecord r =
          records
              .get(id)
              .orElseThrow(
                  () ->
                      ApiException.notFound(
                          "no committed file '" + id + "': upload and commit it first"));
      if (!r.uploader().equals(sender)) {
        throw ApiException.forbidden("file '" + id + "' was not uploaded by you");
      }
      if (!r.dialogueId().equals(dialogue.id())) {
        throw ApiException.forbidden(
            "file '" + id + "' was uploaded to another dialogue; upload it to this one");
      }
      out.add(r.attachment());
    }
    return out;
  }
}
