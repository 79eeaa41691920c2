package io.gaimace.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/** HdrHistogram helpers: microsecond histograms read back in milliseconds, and pacing. */
final class Latencies {
  private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

  private Latencies() {}

  /** A histogram of microseconds up to an hour, 3 significant digits. */
  static Histogram histogram() {
    return new Histogram(HIGHEST_MICROS, 3);
  }

  /** Records a duration given in nanoseconds (clamped to the histogram's range). */
  static void record(Histogram h, long nanos) {
    h.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000)));
  }

  /** The value at a percentile (0–100), in milliseconds. */
  static double ms(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1000.0;
  }

  /** Waits until {@code System.nanoTime()} reaches {@code due} (steady-rate senders). */
  static void sleepUntil(long due) {
    long left;
    while ((left = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
