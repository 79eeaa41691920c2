package io.gaimace.protocol.api;

/**
 * Chunk {@code index} of {@code chunks} of a stored file, its bytes in standard base64 with
 * padding. Concatenated in order, the chunks are the file; its SHA-256 is the attachment's.
 */
public record FileChunk(String fileId, int index, int chunks, String data) {}
