package io.gaimace.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every benchmark runs with tiny parameters and produces sane figures: non-zero counts, every
 * message delivered, a ratio for every figure with a baseline. No timing thresholds: this keeps the
 * benchmarks working in CI; the measured runs are {@code scripts/bench.sh}.
 */
@Timeout(120)
class BenchSmokeTest {
  @Test
  void latencyDeliversEveryMessageToEveryMemberOnBothSides() throws Exception {
    LatencyBench.Params p = LatencyBench.Params.smoke();
    Report r = new LatencyBench(p).run();
    long expected =
        (long) p.members() * p.rate() * (p.duration().toMillis() + p.warmup().toMillis()) / 1000;
    assertThat(r.result("deliveries").gaimace()).isEqualTo(expected);
    assertThat(r.result("deliveries").raw()).isEqualTo(expected);
    for (String metric : new String[] {"send→deliver p50", "send→deliver p99", "send→ack p50"}) {
      Result x = r.result(metric);
      assertThat(x.gaimace()).isPositive();
      assertThat(x.raw()).isPositive();
      assertThat(x.ratio()).isPositive().isFinite();
    }
  }

  @Test
  void throughputCountsDeliveriesToEveryMember() throws Exception {
    Report r = new ThroughputBench(ThroughputBench.Params.smoke()).run();
    for (Result x : r.results()) {
      assertThat(x.gaimace()).isPositive();
      assertThat(x.raw()).isPositive();
      assertThat(x.ratio()).isPositive().isFinite();
    }
    assertThat(r.notes()).anyMatch(n -> n.contains("(0 sends failed)"));
    assertThat(allDelivered(r.notes().get(0))).isTrue();
  }

  @Test
  void connectionsHoldEveryUserAndPresenceSeesThem() throws Exception {
    ConnectionsBench.Params p = ConnectionsBench.Params.smoke();
    Report r = new ConnectionsBench(p).run();
    assertThat(r.result("users connected at once").gaimace()).isEqualTo(p.users());
    assertThat(r.result("users connected at once").raw()).isEqualTo(p.users());
    assertThat(r.result("users online per Gaimace presence").gaimace()).isEqualTo(p.users());
    assertThat(r.result("connects/s").ratio()).isPositive().isFinite();
    assertThat(r.result("nats-server memory at N").gaimace()).isPositive();
    assertThat(r.result("bench JVM heap after GC at N").gaimace()).isPositive();
  }

  @Test
  void historyReadsVerifiedPagesThroughBothPaths() throws Exception {
    HistoryBench.Params p = HistoryBench.Params.smoke();
    Report r = new HistoryBench(p).run();
    assertThat(r.result("pages read and verified").gaimace()).isEqualTo(p.reads());
    assertThat(r.result("pages read and verified").raw()).isEqualTo(p.reads());
    for (Result x : r.results()) {
      assertThat(x.ratio()).isPositive().isFinite();
    }
    assertThat(r.notes().get(0)).contains("holds " + String.format("%,d", p.messages()));
  }

  @Test
  void stormRecoversEveryMissedMessageOnBothSides() throws Exception {
    StormBench.Params p = StormBench.Params.smoke();
    Report r = new StormBench(p).run();
    assertThat(r.result("clients with every message").gaimace()).isEqualTo(p.clients());
    assertThat(r.result("clients with every message").raw()).isEqualTo(p.clients());
    assertThat(r.result("all clients recovered").ratio()).isPositive().isFinite();
    assertThat(r.notes().get(0)).contains("Gaimace 0, raw 0");
  }

  @Test
  void codecMicroBenchmarkRunsUnderJmh() throws Exception {
    Report r = new CodecBench(CodecBench.Params.smoke()).run();
    assertThat(r.results()).hasSize(2);
    for (Result x : r.results()) {
      assertThat(x.gaimace()).isPositive();
      assertThat(x.raw()).isPositive();
    }
  }

  /** "delivered/expected: Gaimace a/b (...), raw async c/d, ...": every a == b, none zero. */
  private static boolean allDelivered(String note) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)/(\\d+)").matcher(note);
    int pairs = 0;
    while (m.find()) {
      if (!m.group(1).equals(m.group(2)) || m.group(1).equals("0")) {
        return false;
      }
      pairs++;
    }
    return pairs == 4;
  }
}
