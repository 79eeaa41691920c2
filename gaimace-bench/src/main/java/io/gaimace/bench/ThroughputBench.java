package io.gaimace.bench;

import io.gaimace.sdk.GaimaceClient;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sustained messages a second into one room of {@code members}, every message stored and delivered
 * to every member. Every member sends as fast as it can, keeping {@code pipeline} sends queued; the
 * rate is the number of deliveries in the measurement window divided by the member count, i.e.
 * messages stored and delivered to all members per second. After the window every member must have
 * received every acknowledged message.
 *
 * <p>The SDK's outbox sends one request at a time per client (it waits for each acknowledgement to
 * keep order and exactly-once), and the server appends to one dialogue one message at a time (each
 * append names the previous sequence of the dialogue, so it cannot be pipelined). The raw side is
 * therefore measured three ways: {@code publishAsync} with the same queue depth (what an
 * application gets from raw jnats), one synchronous publish in flight per member (the SDK's
 * concurrency), and serialized compare-and-set appends (Gaimace's append discipline, without the
 * API hop and JSON).
 */
public final class ThroughputBench implements Benchmark {
  /**
   * @param pipeline sends each member keeps queued (SDK outbox) or in flight (raw async)
   */
  public record Params(
      int members, Duration duration, Duration warmup, int contentBytes, int pipeline) {
    public static Params full() {
      return new Params(10, Duration.ofSeconds(20), Duration.ofSeconds(5), 100, 64);
    }

    public static Params smoke() {
      return new Params(10, Duration.ofMillis(1500), Duration.ofMillis(500), 100, 16);
    }
  }

  private final Params p;

  public ThroughputBench(Params p) {
    this.p = p;
  }

  @Override
  public String name() {
    return "throughput";
  }

  /** Outcome of one side: rate in the window, messages acknowledged, and delivery completeness. */
  record Phase(double rate, long acked, long failed, long delivered, long expected) {
    boolean complete() {
      return delivered == expected && acked > 0;
    }
  }

  @Override
  public Report run() throws Exception {
    Phase g;
    Phase async;
    Phase sync;
    Phase cas;
    try (BenchEnv env = BenchEnv.start(Duration.ofSeconds(15))) {
      g = gaimace(env);
      int size = Payloads.storedSize("tp-m0", "tp", p.contentBytes());
      try (var c = env.rawConnection()) {
        RawStream.create(c.jetStreamManagement(), size + 4096);
      }
      async = raw(env, "tp-async", size, RawMode.ASYNC);
      sync = raw(env, "tp-sync", size, RawMode.SYNC);
      cas = raw(env, "tp-cas", size, RawMode.SERIAL_CAS);
    }
    Report report = new Report(name());
    report.add("msgs/s stored+delivered to all (raw: async)", "msg/s", g.rate(), async.rate());
    report.add("msgs/s stored+delivered to all (raw: 1 in flight)", "msg/s", g.rate(), sync.rate());
    report.add(
        "msgs/s stored+delivered to all (raw: serialized CAS appends)",
        "msg/s",
        g.rate(),
        cas.rate());
    report.add("deliveries/s", "msg/s", g.rate() * p.members(), async.rate() * p.members());
    report.note(
        "%d members all sending, %d queued per member, %.1f s window after %.1f s warm-up;"
            + " delivered/expected: Gaimace %d/%d (%d sends failed), raw async %d/%d,"
            + " raw 1-in-flight %d/%d, raw serialized CAS %d/%d",
        p.members(),
        p.pipeline(),
        p.duration().toMillis() / 1000.0,
        p.warmup().toMillis() / 1000.0,
        g.delivered(),
        g.expected(),
        g.failed(),
        async.delivered(),
        async.expected(),
        sync.delivered(),
        sync.expected(),
        cas.delivered(),
        cas.expected());
    return report;
  }

  private Phase gaimace(BenchEnv env) throws Exception {
    Counters counters = new Counters(p.members());
    try (GaimaceRoom room =
        GaimaceRoom.open(env, "tp", p.members(), (member, m, now) -> counters.delivered(member))) {
      List<Thread> senders = new ArrayList<>();
      for (int i = 0; i < p.members(); i++) {
        GaimaceClient c = room.clients().get(i);
        Semaphore queued = new Semaphore(p.pipeline());
        senders.add(
            Threads.start(
                "tp-sender-" + i,
                () -> {
                  long n = 0;
                  while (!counters.stop) {
                    if (!acquire(queued)) {
                      continue;
                    }
                    counters.sent.increment();
                    c.send(room.roomId(), Payloads.content(n++, p.contentBytes()))
                        .whenComplete(
                            (ack, e) -> {
                              counters.acked(e == null);
                              queued.release();
                            });
                  }
                }));
      }
      return counters.measure(senders);
    }
  }

  /** How raw members publish. */
  enum RawMode {
    /** {@code publishAsync}, {@code pipeline} in flight per member. */
    ASYNC,
    /** One synchronous publish in flight per member. */
    SYNC,
    /**
     * Gaimace's append discipline without Gaimace: publishes to the room serialized under one lock,
     * each with {@code Nats-Msg-Id} and the expected last subject sequence from the previous ack.
     */
    SERIAL_CAS
  }

  private Phase raw(BenchEnv env, String roomId, int size, RawMode mode) throws Exception {
    Counters counters = new Counters(p.members());
    Object roomLock = new Object();
    long[] lastSeq = {0};
    try (RawRoom room =
        RawRoom.open(env, roomId, p.members(), (member, m, now) -> counters.delivered(member))) {
      List<Thread> senders = new ArrayList<>();
      for (int i = 0; i < p.members(); i++) {
        JetStream js = room.jetStream(i);
        Semaphore inFlight = new Semaphore(mode == RawMode.ASYNC ? p.pipeline() : 1);
        senders.add(
            Threads.start(
                "tp-raw-" + i,
                () -> {
                  long n = 0;
                  while (!counters.stop) {
                    if (!acquire(inFlight)) {
                      continue;
                    }
                    byte[] body = Payloads.raw(n++, size);
                    counters.sent.increment();
                    if (mode == RawMode.ASYNC) {
                      js.publishAsync(room.storeSubject(), body)
                          .whenComplete(
                              (ack, e) -> {
                                counters.acked(e == null);
                                inFlight.release();
                              });
                      continue;
                    }
                    try {
                      if (mode == RawMode.SYNC) {
                        js.publish(room.storeSubject(), body);
                      } else {
                        synchronized (roomLock) {
                          PublishOptions cas =
                              PublishOptions.builder()
                                  .messageId(UUID.randomUUID().toString())
                                  .expectedLastSubjectSequence(lastSeq[0])
                                  .build();
                          lastSeq[0] = js.publish(room.storeSubject(), null, body, cas).getSeqno();
                        }
                      }
                      counters.acked(true);
                    } catch (Exception e) {
                      counters.acked(false);
                    } finally {
                      inFlight.release();
                    }
                  }
                }));
      }
      return counters.measure(senders);
    }
  }

  private static boolean acquire(Semaphore s) {
    try {
      return s.tryAcquire(100, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Counts acknowledgements and per-member deliveries, and runs the timed window. */
  private final class Counters {
    final AtomicLongArray deliveries;
    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder failed = new LongAdder();
    volatile boolean stop;

    Counters(int members) {
      this.deliveries = new AtomicLongArray(members);
    }

    void delivered(int member) {
      deliveries.incrementAndGet(member);
    }

    void acked(boolean ok) {
      (ok ? acked : failed).increment();
    }

    long sum() {
      long s = 0;
      for (int i = 0; i < deliveries.length(); i++) {
        s += deliveries.get(i);
      }
      return s;
    }

    Phase measure(List<Thread> senders) throws InterruptedException {
      Thread.sleep(p.warmup().toMillis());
      long t0 = System.nanoTime();
      long d0 = sum();
      Thread.sleep(p.duration().toMillis());
      long d1 = sum();
      long t1 = System.nanoTime();
      stop = true;
      for (Thread t : senders) {
        t.join();
      }
      // Let every queued send finish, then every delivery arrive.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acked.sum() + failed.sum() < sent.sum() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      long expected = acked.sum() * deliveries.length();
      while (sum() < expected && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      double rate = (d1 - d0) / (double) deliveries.length() / Latencies.seconds(t1 - t0);
      return new Phase(rate, acked.sum(), failed.sum(), sum(), expected);
    }
  }
}
