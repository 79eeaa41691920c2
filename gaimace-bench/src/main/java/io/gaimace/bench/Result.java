package io.gaimace.bench;

/**
 * One measured figure: Gaimace's value, the raw-NATS baseline's value for the same work in the same
 * run, and their ratio (Gaimace ÷ raw). {@code raw} is NaN when a figure has no baseline.
 *
 * @param benchmark which benchmark, e.g. {@code latency}
 * @param metric what was measured, e.g. {@code send→deliver p99}
 * @param unit e.g. {@code ms}, {@code msg/s}
 */
public record Result(String benchmark, String metric, String unit, double gaimace, double raw) {
  /** Gaimace ÷ raw; NaN without a baseline. */
  public double ratio() {
    return raw == 0 || Double.isNaN(raw) ? Double.NaN : gaimace / raw;
  }
}
