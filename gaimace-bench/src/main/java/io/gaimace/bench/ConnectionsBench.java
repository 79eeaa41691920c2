package io.gaimace.bench;

import io.gaimace.testing.NatsServerProcess;
import io.nats.client.Connection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Authenticated connects a second, and N users online at once. Gaimace: every connection presents
 * its own user's token and goes through the auth callout (token hash lookup, user lookup, room
 * list, two signatures, one verification); the server then records it and marks the user online
 * from NATS's connect event. Raw: a nats-server with {@code authorization { token: ... }}, one
 * shared token, nothing tracked.
 *
 * <p>Clients are {@link MiniNats} connections (CONNECT, PING, wait for PONG), {@code window} in
 * flight, so the figures are the servers', not a client library's. The Gaimace server runs in this
 * JVM; its memory is the JVM's heap after GC, which also holds the client side (measured alone in
 * the raw run and stated).
 */
public final class ConnectionsBench implements Benchmark {
  /**
   * @param users how many users connect and stay connected
   * @param window connects in flight at once
   */
  public record Params(int users, int window, Duration presenceTimeout) {
    public static Params full() {
      return new Params(10_000, 32, Duration.ofMinutes(5));
    }

    public static Params smoke() {
      return new Params(20, 8, Duration.ofSeconds(30));
    }
  }

  private final Params p;

  public ConnectionsBench(Params p) {
    this.p = p;
  }

  @Override
  public String name() {
    return "connections";
  }

  /** One side's ramp to N users. */
  record Ramp(
      int connected,
      int failed,
      double perSecond,
      Histogram connectTime,
      double heapBeforeMiB,
      double heapAfterMiB,
      double natsMemMiB,
      long natsConnections) {}

  @Override
  public Report run() throws Exception {
    Report report = new Report(name());
    Ramp raw = rawSide();
    Ramp g;
    long presenceConnections;
    long presenceOnline;
    double presenceLagSeconds;
    double setupSeconds;
    try (BenchEnv env = BenchEnv.start(Duration.ofSeconds(15));
        Connection chat = env.rawConnection()) {
      List<String> ids = new ArrayList<>(p.users());
      for (int i = 0; i < p.users(); i++) {
        ids.add("u" + i);
      }
      long t0 = System.nanoTime();
      List<String> tokens = env.admin().createUsers(ids);
      setupSeconds = Latencies.seconds(System.nanoTime() - t0);
      // Only the users' own connections count: let the set-up's events settle first.
      long base = PresenceCensus.connections(chat);
      long baseOnline = PresenceCensus.online(chat);
      try (MiniNats clients = new MiniNats()) {
        g = ramp(clients, env.nats().clientPort(), env.nats().monitorUrl(), tokens, false);
        long rampEnd = System.nanoTime();
        long deadline = rampEnd + p.presenceTimeout().toNanos();
        do {
          presenceConnections = PresenceCensus.connections(chat) - base;
          presenceOnline = PresenceCensus.online(chat) - baseOnline;
          if (presenceConnections >= g.connected() && presenceOnline >= g.connected()) {
            break;
          }
          Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        presenceLagSeconds = Latencies.seconds(System.nanoTime() - rampEnd);
        g =
            new Ramp(
                g.connected(),
                g.failed(),
                g.perSecond(),
                g.connectTime(),
                g.heapBeforeMiB(),
                ServerStats.heapAfterGcMiB(),
                ServerStats.natsMemoryMiB(env.nats().monitorUrl()),
                ServerStats.natsConnections(env.nats().monitorUrl()));
        clients.closeAll();
      }
    }
    report.add("connects/s", "conn/s", g.perSecond(), raw.perSecond());
    report.add(
        "connect time p50",
        "ms",
        Latencies.ms(g.connectTime(), 50),
        Latencies.ms(raw.connectTime(), 50));
    report.add(
        "connect time p99",
        "ms",
        Latencies.ms(g.connectTime(), 99),
        Latencies.ms(raw.connectTime(), 99));
    report.add("users connected at once", "users", g.connected(), raw.connected());
    report.add("nats-server memory at N", "MiB", g.natsMemMiB(), raw.natsMemMiB());
    report.add("bench JVM heap after GC at N", "MiB", g.heapAfterMiB(), raw.heapAfterMiB());
    report.add(
        "  of which added by the N users",
        "MiB",
        g.heapAfterMiB() - g.heapBeforeMiB(),
        raw.heapAfterMiB() - raw.heapBeforeMiB());
    report.add("users online per Gaimace presence", "users", presenceOnline, Double.NaN);
    report.note(
        "N = %d, %d connects in flight; failed connects: Gaimace %d, raw %d; nats-server reports"
            + " %d (Gaimace, incl. the server's own) and %d (raw) connections",
        p.users(),
        p.window(),
        g.failed(),
        raw.failed(),
        g.natsConnections(),
        raw.natsConnections());
    report.note(
        "presence: %d connection records and %d users online %.1f s after the last connect"
            + " (default 15 s grace, server's sweep running)",
        presenceConnections, presenceOnline, presenceLagSeconds);
    report.note(
        "heap is this JVM's (Gaimace server in-process + the MiniNats clients) after System.gc();"
            + " the raw run's heap holds only the clients; creating %d users and tokens through"
            + " the admin API took %.1f s",
        p.users(), setupSeconds);
    return report;
  }

  private Ramp rawSide() throws Exception {
    String token = "bench-" + UUID.randomUUID();
    try (NatsServerProcess nats =
            NatsServerProcess.builder()
                .jetStream(false)
                .configFragment("authorization { token: \"" + token + "\" }\n")
                .start();
        MiniNats clients = new MiniNats()) {
      List<String> tokens = new ArrayList<>(p.users());
      for (int i = 0; i < p.users(); i++) {
        tokens.add(token);
      }
      Ramp r = ramp(clients, nats.clientPort(), nats.monitorUrl(), tokens, true);
      clients.closeAll();
      return r;
    }
  }

  private Ramp ramp(
      MiniNats clients, int port, String monitorUrl, List<String> tokens, boolean measureNow)
      throws Exception {
    InetSocketAddress address =
        new InetSocketAddress(URI.create("nats://127.0.0.1:" + port).getHost(), port);
    double heapBefore = ServerStats.heapAfterGcMiB();
    Semaphore window = new Semaphore(p.window());
    Histogram times = Latencies.histogram();
    AtomicLong failed = new AtomicLong();
    List<CompletableFuture<Void>> all = new ArrayList<>(tokens.size());
    long start = System.nanoTime();
    for (String token : tokens) {
      window.acquire();
      long t = System.nanoTime();
      CompletableFuture<Void> f = clients.connect(address, token);
      f.whenComplete(
          (ok, e) -> {
            synchronized (times) {
              Latencies.record(times, System.nanoTime() - t);
            }
            if (e != null) {
              failed.incrementAndGet();
            }
            window.release();
          });
      all.add(f);
    }
    for (CompletableFuture<Void> f : all) {
      try {
        f.get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        // counted as failed
      }
    }
    double seconds = Latencies.seconds(System.nanoTime() - start);
    int connected = clients.open();
    Histogram copy;
    synchronized (times) {
      copy = times.copy();
    }
    return new Ramp(
        connected,
        (int) failed.get(),
        (tokens.size() - failed.get()) / seconds,
        copy,
        heapBefore,
        measureNow ? ServerStats.heapAfterGcMiB() : Double.NaN,
        measureNow ? ServerStats.natsMemoryMiB(monitorUrl) : Double.NaN,
        measureNow ? ServerStats.natsConnections(monitorUrl) : 0);
  }
}
