package io.gaimace.protocol.api;

/**
 * Asks for one chunk of a stored file ({@code file.download}); members of the file's dialogue only.
 * Chunk {@code index} counts from 0; the reply says how many chunks there are.
 */
public record FileDownloadRequest(String fileId, Integer index) {}
