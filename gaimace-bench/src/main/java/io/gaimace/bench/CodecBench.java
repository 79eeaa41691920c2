package io.gaimace.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link CodecJmh} with JMH and reports ns per message, Gaimace JSON against raw bytes. */
public final class CodecBench implements Benchmark {
  /**
   * @param forks JMH forks (0 runs in this JVM, for the smoke test)
   */
  public record Params(int forks, int warmups, int iterations, TimeValue iterationTime) {
    public static Params full() {
      return new Params(1, 3, 5, TimeValue.seconds(1));
    }

    public static Params smoke() {
      return new Params(0, 1, 1, TimeValue.milliseconds(100));
    }
  }

  private final Params p;

  public CodecBench(Params p) {
    this.p = p;
  }

  @Override
  public String name() {
    return "codec";
  }

  @Override
  public Report run() throws Exception {
    Options options =
        new OptionsBuilder()
            .include(CodecJmh.class.getName() + "\\.")
            .forks(p.forks())
            .warmupIterations(p.warmups())
            .warmupTime(p.iterationTime())
            .measurementIterations(p.iterations())
            .measurementTime(p.iterationTime())
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Double> ns = new HashMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark();
      ns.put(method.substring(method.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
    }
    Report report = new Report(name());
    report.add("encode one message (JMH)", "ns", ns.get("gaimaceEncode"), ns.get("rawEncode"));
    report.add("decode one message (JMH)", "ns", ns.get("gaimaceDecode"), ns.get("rawDecode"));
    report.note(
        "Gaimace: ProtocolCodec JSON of a ChatMessage with 100-byte content; raw: the content as"
            + " UTF-8 bytes; %d fork(s), %d×%s measured",
        p.forks(), p.iterations(), p.iterationTime());
    return report;
  }
}
