package io.gaimace.agent.internal;

import java.time.Duration;
import java.util.ArrayDeque;

/** At most {@code max} acquisitions within any sliding {@code window}. Thread-safe. */
final class RateWindow {
  private final int max;
  private final long windowNanos;
  private final ArrayDeque<Long> times = new ArrayDeque<>();

  RateWindow(int max, Duration window) {
    this.max = max;
    this.windowNanos = window.toNanos();
  }

  synchronized boolean tryAcquire() {
    long now = System.nanoTime();
    while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
      times.pollFirst();
    }
    if (times.size() >= max) {
      return false;
    }
    times.addLast(now);
    return true;
  }
}
