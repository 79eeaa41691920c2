package io.gaimace.server.messages;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per user: {@code perSecond} tokens a second up to {@code burst}. Per server
 * instance: with N instances behind a queue group a user may send up to N times the rate.
 */
public final class RateLimiter {
  private final double perNano;
  private final double burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  public RateLimiter(int perSecond, int burst) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
  }

  /** Takes one token; false when the user is over its rate. */
  public boolean tryAcquire(String userId) {
    long now = System.nanoTime();
    Bucket b = buckets.computeIfAbsent(userId, k -> new Bucket(burst, now));
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + (now - b.at) * perNano);
      b.at = now;
      if (b.tokens < 1) {
        return false;
      }
      b.tokens -= 1;
      return true;
    }
  }
}
