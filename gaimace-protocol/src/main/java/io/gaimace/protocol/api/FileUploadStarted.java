package io.gaimace.protocol.api;

import java.time.Instant;

/**
 * The server accepted an upload: send {@code chunks} chunks of exactly {@code chunkSize} bytes (the
 * last one holds the rest), in order, before {@code expiresAt}. The upload id is also the id the
 * file will have once committed.
 */
public record FileUploadStarted(String uploadId, int chunkSize, int chunks, Instant expiresAt) {}
