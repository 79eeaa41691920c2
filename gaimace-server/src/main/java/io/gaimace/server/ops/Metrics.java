package io.gaimace.server.ops;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The server's counters, written in the Prometheus text format. Counters are per instance;
 * Prometheus sums instances. Thread-safe and allocation-free on the hot path once a label exists.
 */
public final class Metrics {
  private static final double[] LATENCY_BUCKETS_MS = {1, 2, 5, 10, 25, 50, 100, 250, 1000};

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
  private final LongAdder sends = new LongAdder();
  private final LongAdder authAllowed = new LongAdder();
  private final LongAdder authRefused = new LongAdder();
  private final LongAdder authShed = new LongAdder();
  private final LongAdder[] historyBuckets = new LongAdder[LATENCY_BUCKETS_MS.length + 1];
  private final LongAdder historyCount = new LongAdder();
  private final LongAdder historyMicros = new LongAdder();
  private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

  public Metrics() {
    for (int i = 0; i < historyBuckets.length; i++) {
      historyBuckets[i] = new LongAdder();
    }
  }

  public void request(String operation) {
    requests.computeIfAbsent(operation, k -> new LongAdder()).increment();
  }

  public void refused(String code) {
    refusals.computeIfAbsent(code, k -> new LongAdder()).increment();
  }

  public void sent() {
    sends.increment();
  }

  public void auth(boolean allowed) {
    (allowed ? authAllowed : authRefused).increment();
  }

  /** An auth request dropped unanswered (stale or queue full). */
  public void authShed() {
    authShed.increment();
  }

  public void historyLatency(long nanos) {
    double ms = nanos / 1e6;
    int i = 0;
    while (i < LATENCY_BUCKETS_MS.length && ms > LATENCY_BUCKETS_MS[i]) {
      i++;
    }
    historyBuckets[i].increment();
    historyCount.increment();
    historyMicros.add(nanos / 1000);
  }

  /** A value read when metrics are scraped, e.g. the number of online users. */
  public void gauge(String name, LongSupplier value) {
    gauges.put(name, value);
  }

  public long sends() {
    return sends.sum();
  }

  public long refusals(String code) {
    LongAdder a = refusals.get(code);
    return a == null ? 0 : a.sum();
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    StringBuilder sb = new StringBuilder();
    sb.append("# TYPE gaimace_requests_total counter\n");
    new TreeMap<>(requests)
        .forEach((k, v) -> line(sb, "gaimace_requests_total{operation=\"" + k + "\"}", v.sum()));
    sb.append("# TYPE gaimace_refusals_total counter\n");
    new TreeMap<>(refusals)
        .forEach((k, v) -> line(sb, "gaimace_refusals_total{code=\"" + k + "\"}", v.sum()));
    sb.append("# TYPE gaimace_sends_total counter\n");
    line(sb, "gaimace_sends_total", sends.sum());
    sb.append("# TYPE gaimace_auth_total counter\n");
    line(sb, "gaimace_auth_total{result=\"allowed\"}", authAllowed.sum());
    line(sb, "gaimace_auth_total{result=\"refused\"}", authRefused.sum());
    line(sb, "gaimace_auth_total{result=\"shed\"}", authShed.sum());
    sb.append("# TYPE gaimace_history_seconds histogram\n");
    long cumulative = 0;
    for (int i = 0; i < LATENCY_BUCKETS_MS.length; i++) {
      cumulative += historyBuckets[i].sum();
      line(
          sb,
          "gaimace_history_seconds_bucket{le=\"" + LATENCY_BUCKETS_MS[i] / 1000 + "\"}",
          cumulative);
    }
    cumulative += historyBuckets[LATENCY_BUCKETS_MS.length].sum();
    line(sb, "gaimace_history_seconds_bucket{le=\"+Inf\"}", cumulative);
    sb.append("gaimace_history_seconds_sum ").append(historyMicros.sum() / 1e6).append('\n');
    line(sb, "gaimace_history_seconds_count", historyCount.sum());
    new TreeMap<>(gauges)
        .forEach(
            (k, v) -> {
              sb.append("# TYPE ").append(k).append(" gauge\n");
              line(sb, k, v.getAsLong());
            });
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, long value) {
    sb.append(name).append(' ').append(value).append('\n');
  }
}
