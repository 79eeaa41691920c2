package io.gaimace.server.config;

/**
 * Limits on what one request may ask: the largest message content in bytes (UTF-8), the largest
 * history page, the largest recovery batch, and each user's send rate (a token bucket per server
 * instance: {@code sendsPerSecond} refill, {@code sendBurst} capacity).
 */
public record Limits(
    int maxMessageBytes,
    int maxHistoryPage,
    int maxRecoveryBatch,
    int sendsPerSecond,
    int sendBurst) {
  /**
   * 16 KiB messages, pages of 100, recovery batches of 500, 10 sends a second with bursts of 20.
   */
  public static Limits defaults() {
    return new Limits(16 * 1024, 100, 500, 10, 20);
  }

  public Limits {
    if (maxMessageBytes < 1
        || maxHistoryPage < 1
        || maxRecoveryBatch < 1
        || sendsPerSecond < 1
        || sendBurst < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
