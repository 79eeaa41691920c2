package io.gaimace.sdk.internal;

import io.nats.client.ReconnectDelayHandler;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter between reconnect attempts: the n-th wait is drawn uniformly
 * from [d/2, d] with d = min(cap, base × 2^(n-1)).
 *
 * <p>Why jitter: when a network path or a NATS server comes back, every client that lost it
 * retries. With a fixed wait they all arrive together, again and again, and the auth callout (a few
 * hundred connects per second per instance) answers late for all of them; with jitter the arrivals
 * spread over the window and each attempt is answered in time (docs/benchmarks.md, storm).
 */
final class Backoff implements ReconnectDelayHandler {
  static final Duration BASE = Duration.ofMillis(100);
  static final Duration CAP = Duration.ofSeconds(4);

  /** The wait before attempt {@code attempt} (1 = the first retry). */
  static long millis(long attempt) {
    long shift = Math.max(0, Math.min(attempt - 1, 20));
    long d = Math.min(CAP.toMillis(), BASE.toMillis() << shift);
    return d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
  }

  @Override
  public Duration getWaitTime(long totalRounds) {
    return Duration.ofMillis(millis(totalRounds));
  }
}
