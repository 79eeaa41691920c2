package io.gaimace.bench;

import java.util.ArrayList;
import java.util.List;

/** What one benchmark produced: its figures and notes worth printing under the table. */
public final class Report {
  private final String benchmark;
  private final List<Result> results = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public Report(String benchmark) {
    this.benchmark = benchmark;
  }

  public String benchmark() {
    return benchmark;
  }

  /** Adds a figure with its baseline. */
  public Report add(String metric, String unit, double gaimace, double raw) {
    results.add(new Result(benchmark, metric, unit, gaimace, raw));
    return this;
  }

  /** Adds a line of context (set-up time, parameters, what a figure includes). */
  public Report note(String format, Object... args) {
    notes.add(benchmark + ": " + String.format(format, args));
    return this;
  }

  public List<Result> results() {
    return List.copyOf(results);
  }

  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** The figure with this metric name. */
  public Result result(String metric) {
    return results.stream()
        .filter(r -> r.metric().equals(metric))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no result " + metric));
  }
}
