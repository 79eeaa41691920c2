package io.gaimace.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs benchmarks and prints a table of Gaimace's figures, the raw-NATS baselines measured in the
 * same run, and their ratios. {@code gaimace-bench} runs all with the full parameters; {@code
 * gaimace-bench latency history} runs two; {@code --smoke} uses the tiny parameters of the CI test.
 */
@Command(
    name = "gaimace-bench",
    mixinStandardHelpOptions = true,
    description = "Gaimace against raw NATS doing the same work, on this machine.")
public final class BenchMain implements Callable<Integer> {
  @Parameters(
      arity = "0..*",
      paramLabel = "BENCHMARK",
      description = "all (default), latency, throughput, connections, history, storm, codec")
  List<String> names = new ArrayList<>();

  @Option(names = "--smoke", description = "tiny parameters (seconds per benchmark)")
  boolean smoke;

  @Option(names = "--rate", description = "latency: messages a second (full: 200)")
  Integer rate;

  @Option(names = "--seconds", description = "latency and throughput: measured seconds")
  Integer seconds;

  @Option(names = "--users", description = "connections: users connected at once (full: 10000)")
  Integer users;

  @Option(names = "--window", description = "connections: connects in flight (full: 32)")
  Integer window;

  @Option(names = "--history-messages", description = "history: messages (full: 1000000)")
  Integer historyMessages;

  @Option(names = "--history-dialogues", description = "history: dialogues (full: 10000)")
  Integer historyDialogues;

  @Option(names = "--history-reads", description = "history: measured page reads (full: 1000)")
  Integer historyReads;

  @Option(names = "--storm-clients", description = "storm: clients (full: 1000)")
  Integer stormClients;

  @Option(names = "--storm-messages", description = "storm: messages per room while away (5)")
  Integer stormMessages;

  @Option(names = "--out", description = "also append the table to this Markdown file")
  Path out;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Map<String, Supplier<Benchmark>> known = benchmarks();
    List<String> chosen =
        names.isEmpty() || names.contains("all") ? List.copyOf(known.keySet()) : names;
    for (String n : chosen) {
      if (!known.containsKey(n)) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "unknown benchmark '" + n + "'; known: " + known.keySet());
      }
    }
    List<Report> reports = new ArrayList<>();
    int failures = 0;
    for (String n : chosen) {
      Benchmark b = known.get(n).get();
      System.out.printf("%n== %s (%s) ==%n", n, smoke ? "smoke" : "full");
      long t = System.nanoTime();
      String loadBefore = loadAverage();
      try {
        Report r = b.run();
        r.note(
            "took %.0f s; load average (1/5/15 min) before %s, after %s",
            Latencies.seconds(System.nanoTime() - t), loadBefore, loadAverage());
        reports.add(r);
        System.out.print(ResultTable.render(List.of(r)));
      } catch (Exception | Error e) {
        failures++;
        System.out.println(n + " FAILED: " + e);
        e.printStackTrace(System.out);
      }
      System.out.printf("(%s took %.0f s)%n", n, Latencies.seconds(System.nanoTime() - t));
    }
    String table = ResultTable.render(reports);
    System.out.printf("%n== results ==%n%s", table);
    if (out != null) {
      String header =
          "%n### %s run, %s, %d cores%n%n"
              .formatted(
                  smoke ? "Smoke" : "Full",
                  ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                  Runtime.getRuntime().availableProcessors());
      Files.writeString(
          out,
          header + table,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    return failures == 0 ? 0 : 1;
  }

  /** {@code /proc/loadavg}'s first three fields: other work on the machine skews the figures. */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + "/" + f[1] + "/" + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private Map<String, Supplier<Benchmark>> benchmarks() {
    Map<String, Supplier<Benchmark>> m = new LinkedHashMap<>();
    m.put("latency", () -> new LatencyBench(latency()));
    m.put("throughput", () -> new ThroughputBench(throughput()));
    m.put("connections", () -> new ConnectionsBench(connections()));
    m.put("history", () -> new HistoryBench(history()));
    m.put("storm", () -> new StormBench(storm()));
    m.put(
        "codec",
        () -> new CodecBench(smoke ? CodecBench.Params.smoke() : CodecBench.Params.full()));
    return m;
  }

  LatencyBench.Params latency() {
    LatencyBench.Params d = smoke ? LatencyBench.Params.smoke() : LatencyBench.Params.full();
    return new LatencyBench.Params(
        d.members(),
        rate != null ? rate : d.rate(),
        seconds != null ? Duration.ofSeconds(seconds) : d.duration(),
        d.warmup(),
        d.contentBytes());
  }

  ThroughputBench.Params throughput() {
    ThroughputBench.Params d =
        smoke ? ThroughputBench.Params.smoke() : ThroughputBench.Params.full();
    return new ThroughputBench.Params(
        d.members(),
        seconds != null ? Duration.ofSeconds(seconds) : d.duration(),
        d.warmup(),
        d.contentBytes(),
        d.pipeline());
  }

  ConnectionsBench.Params connections() {
    ConnectionsBench.Params d =
        smoke ? ConnectionsBench.Params.smoke() : ConnectionsBench.Params.full();
    return new ConnectionsBench.Params(
        users != null ? users : d.users(),
        window != null ? window : d.window(),
        d.presenceTimeout());
  }

  HistoryBench.Params history() {
    HistoryBench.Params d = smoke ? HistoryBench.Params.smoke() : HistoryBench.Params.full();
    int dialogues = historyDialogues != null ? historyDialogues : d.dialogues();
    return new HistoryBench.Params(
        historyMessages != null ? historyMessages : d.messages(),
        dialogues,
        Math.min(d.readDialogues(), dialogues),
        historyReads != null ? historyReads : d.reads(),
        d.page(),
        d.contentBytes(),
        d.fillWindow());
  }

  StormBench.Params storm() {
    StormBench.Params d = smoke ? StormBench.Params.smoke() : StormBench.Params.full();
    int clients = stormClients != null ? stormClients : d.clients();
    return new StormBench.Params(
        clients,
        d.roomSize(),
        stormMessages != null ? stormMessages : d.messagesPerRoom(),
        Math.max(1, Math.min(d.senders(), clients / d.roomSize())),
        d.connectThreads(),
        d.timeout());
  }
}
