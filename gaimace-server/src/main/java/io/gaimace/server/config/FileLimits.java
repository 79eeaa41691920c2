package io.gaimace.server.config;

import java.time.Duration;

/**
 * Limits of file sharing: the largest file ({@code maxFileBytes}), the size of the file store
 * ({@code maxBytes}; a quarter of it again is reserved for uploads in progress), how many uploads
 * one user may have open at once, and how long an upload may take before it is dropped.
 */
public record FileLimits(
    long maxFileBytes, long maxBytes, int maxUploadsPerUser, Duration uploadTimeout) {
  /** 25 MiB files, a 1 GiB store, 4 open uploads per user, one hour per upload. */
  public static FileLimits defaults() {
    return new FileLimits(25L << 20, 1L << 30, 4, Duration.ofHours(1));
  }

  public FileLimits {
    if (maxFileBytes < 1 || maxBytes < maxFileBytes || maxUploadsPerUser < 1) {
      throw new IllegalArgumentException(
          "file limits must be positive, and the store at least as large as one file");
    }
    if (uploadTimeout.isNegative() || uploadTimeout.isZero()) {
      throw new IllegalArgumentException("files upload timeout must be positive");
    }
  }
}
