package io.gaimace.server.config;

import java.time.Duration;

/**
 * How long messages are kept. A message goes when it is older than {@code maxAge}, when its
 * dialogue holds more than {@code maxMessagesPerDialogue} newer ones, or when the whole stream
 * exceeds {@code maxBytes} (oldest first). {@code replicas} is 1 on a single node, 3 in a cluster.
 */
public record Retention(Duration maxAge, long maxMessagesPerDialogue, long maxBytes, int replicas) {
  /**
   * Ninety days, 100,000 messages per dialogue, 1 GiB, one replica. JetStream refuses a stream
   * larger than its file store allows (by default 75% of the free disk), so raise max bytes
   * together with the server's {@code max_file_store}.
   */
  public static Retention defaults() {
    return new Retention(Duration.ofDays(90), 100_000, 1L << 30, 1);
  }

  public Retention {
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("retention max age must be positive");
    }
    if (maxMessagesPerDialogue < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("retention limits must be positive");
    }
    if (replicas != 1 && replicas != 3 && replicas != 5) {
      throw new IllegalArgumentException("replicas must be 1, 3 or 5");
    }
  }
}
