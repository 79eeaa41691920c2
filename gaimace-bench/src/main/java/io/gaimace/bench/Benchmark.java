package io.gaimace.bench;

/** One benchmark: sets up its own NATS and Gaimace, measures both sides, and tears down. */
public interface Benchmark {
  /** The name used on the command line and in the table, e.g. {@code latency}. */
  String name();

  Report run() throws Exception;
}
