package io.gaimace.protocol;

/**
 * A file attached to a chat message (additive extension): the file itself lives in the server's
 * object store and is downloaded through the API by members of the dialogue only.
 *
 * @param id the server-assigned file id
 * @param name the file name as uploaded (no path)
 * @param size size in bytes
 * @param mime the MIME type, for example {@code image/png}
 * @param sha256 the SHA-256 of the content, lower-case hex
 */
public record Attachment(String id, String name, long size, String mime, String sha256) {
  /** Validates that every field is present and well-formed. */
  public Attachment {
    Fields.requireText(id, "id");
    Fields.requireText(name, "name");
    Fields.requireText(mime, "mime");
    Fields.requireText(sha256, "sha256");
    if (size < 0) {
      throw new ProtocolException("field 'size' must not be negative", "size", null);
    }
  }
}
