package io.gaimace.protocol.api;

/**
 * Finishes an upload ({@code file.upload.commit}): the server checks that every chunk arrived and
 * that the content's SHA-256 is {@code sha256} (lower-case hex), stores the file and answers with
 * its {@link io.gaimace.protocol.Attachment}. Committing the same upload again answers the same.
 */
public record FileUploadCommit(String uploadId, String sha256) {}
