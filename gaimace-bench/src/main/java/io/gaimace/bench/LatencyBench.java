package io.gaimace.bench;

import io.gaimace.sdk.GaimaceClient;
import io.nats.client.JetStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * Send → deliver latency in a room of {@code members} at a steady rate. One member sends; every
 * member (the sender too) receives; each delivery is one sample, measured from the message's
 * <em>intended</em> send time so a stall cannot hide queued messages (no coordinated omission).
 *
 * <p>Gaimace: {@code GaimaceClient.send} → outbox → API request → server (checks, stamp, JetStream
 * publish with expected last subject sequence, read marker) → RePublish → each member's SDK
 * (decode, gap check) → listener. Raw: {@code publishAsync} into a stream with the same RePublish →
 * core subscribers.
 */
public final class LatencyBench implements Benchmark {
  /**
   * @param rate messages a second
   * @param warmup sent first and not measured
   * @param contentBytes size of each message's content
   */
  public record Params(
      int members, int rate, Duration duration, Duration warmup, int contentBytes) {
    public static Params full() {
      return new Params(10, 200, Duration.ofSeconds(30), Duration.ofSeconds(5), 100);
    }

    public static Params smoke() {
      return new Params(10, 100, Duration.ofSeconds(1), Duration.ofMillis(200), 100);
    }
  }

  private final Params p;

  public LatencyBench(Params p) {
    this.p = p;
  }

  @Override
  public String name() {
    return "latency";
  }

  private record Phase(Histogram deliver, Histogram ack, long delivered, long expected) {}

  @Override
  public Report run() throws Exception {
    int warm = (int) (p.rate() * p.warmup().toMillis() / 1000);
    int total = warm + (int) (p.rate() * p.duration().toMillis() / 1000);
    Phase g;
    Phase r;
    try (BenchEnv env = BenchEnv.start(Duration.ofSeconds(15))) {
      g = gaimace(env, total, warm);
      r = raw(env, total, warm);
    }
    Report report = new Report(name());
    for (double pct : new double[] {50, 99, 99.9}) {
      report.add(
          "send→deliver p" + trim(pct),
          "ms",
          Latencies.ms(g.deliver(), pct),
          Latencies.ms(r.deliver(), pct));
    }
    report.add("send→ack p50", "ms", Latencies.ms(g.ack(), 50), Latencies.ms(r.ack(), 50));
    report.add("send→ack p99", "ms", Latencies.ms(g.ack(), 99), Latencies.ms(r.ack(), 99));
    report.add("deliveries", "msgs", g.delivered(), r.delivered());
    report.note(
        "%d members, %d msg/s for %.1f s after %.1f s warm-up, %d-byte content; %d samples each side"
            + " (every member, sender included); Gaimace delivered %d/%d, raw %d/%d",
        p.members(),
        p.rate(),
        p.duration().toMillis() / 1000.0,
        p.warmup().toMillis() / 1000.0,
        p.contentBytes(),
        g.deliver().getTotalCount(),
        g.delivered(),
        g.expected(),
        r.delivered(),
        r.expected());
    return report;
  }

  private Phase gaimace(BenchEnv env, int total, int warm) throws Exception {
    Samples s = new Samples(p.members(), total, warm);
    try (GaimaceRoom room =
        GaimaceRoom.open(
            env,
            "lat",
            p.members(),
            (member, m, now) -> s.delivered(member, Payloads.index(m.content()), now))) {
      GaimaceClient sender = room.clients().get(0);
      long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
      long period = 1_000_000_000L / p.rate();
      for (int i = 0; i < total; i++) {
        long due = start + i * period;
        Latencies.sleepUntil(due);
        s.intended.set(i, due);
        boolean measured = i >= warm;
        sender
            .send(room.roomId(), Payloads.content(i, p.contentBytes()))
            .whenComplete((ack, e) -> s.acked(measured, e == null, due));
      }
      return s.await(total);
    }
  }

  private Phase raw(BenchEnv env, int total, int warm) throws Exception {
    int size = Payloads.storedSize("lat-m0", "lat", p.contentBytes());
    Samples s = new Samples(p.members(), total, warm);
    try (RawRoom room =
        RawRoom.open(
            env,
            "lat",
            p.members(),
            (member, m, now) -> s.delivered(member, Payloads.index(m.getData()), now))) {
      RawStream.create(room.connection(0).jetStreamManagement(), size + 4096);
      JetStream js = room.jetStream(0);
      long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
      long period = 1_000_000_000L / p.rate();
      for (int i = 0; i < total; i++) {
        long due = start + i * period;
        Latencies.sleepUntil(due);
        s.intended.set(i, due);
        boolean measured = i >= warm;
        js.publishAsync(room.storeSubject(), Payloads.raw(i, size))
            .whenComplete((ack, e) -> s.acked(measured, e == null, due));
      }
      return s.await(total);
    }
  }

  static String trim(double pct) {
    return pct == Math.rint(pct) ? Long.toString((long) pct) : Double.toString(pct);
  }

  /** Delivery samples of every member; each member's histogram is written by its own thread. */
  private static final class Samples {
    final AtomicLongArray intended;
    final Histogram[] perMember;
    final int[] counts;
    final Histogram ack = Latencies.histogram();
    final CountDownLatch done;
    final int total;
    final int warm;

    Samples(int members, int total, int warm) {
      this.intended = new AtomicLongArray(total);
      this.perMember = new Histogram[members];
      for (int i = 0; i < members; i++) {
        perMember[i] = Latencies.histogram();
      }
      this.counts = new int[members];
      this.done = new CountDownLatch(members);
      this.total = total;
      this.warm = warm;
    }

    void delivered(int member, long index, long now) {
      if (index < 0 || index >= total) {
        return;
      }
      if (index >= warm) {
        Latencies.record(perMember[member], now - intended.get((int) index));
      }
      if (++counts[member] == total) {
        done.countDown();
      }
    }

    synchronized void acked(boolean measured, boolean ok, long due) {
      if (measured && ok) {
        Latencies.record(ack, System.nanoTime() - due);
      }
    }

    Phase await(int expectedEach) throws InterruptedException {
      done.await(60, TimeUnit.SECONDS);
      Histogram all = Latencies.histogram();
      long delivered = 0;
      synchronized (this) {
        for (int i = 0; i < perMember.length; i++) {
          all.add(perMember[i]);
          delivered += counts[i];
        }
        return new Phase(all, ack.copy(), delivered, (long) expectedEach * perMember.length);
      }
    }
  }
}
