package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/**
 * Starts an upload of one file into a dialogue ({@code file.upload.begin}). The caller must be a
 * member of the dialogue; {@code size} must not exceed the server's maximum file size. The content
 * follows in {@link FileUploadChunk}s and becomes visible only at {@link FileUploadCommit}.
 *
 * @param dialogueId the room id or direct dialogue id the file is shared in
 * @param name the file name without a path
 * @param size the exact size in bytes
 * @param mime nullable: the MIME type; {@code application/octet-stream} when absent
 */
public record FileUploadBegin(String dialogueId, String name, Long size, @Nullable String mime) {}
