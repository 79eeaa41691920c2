package io.gaimace.protocol.api;

/**
 * One chunk of an upload ({@code file.upload.chunk}): chunk number {@code index} (from 0), its
 * bytes in standard base64 with padding. Chunks go in order; sending a chunk already received again
 * is acknowledged and changes nothing, so a retry after a lost reply is safe.
 */
public record FileUploadChunk(String uploadId, Integer index, String data) {}
