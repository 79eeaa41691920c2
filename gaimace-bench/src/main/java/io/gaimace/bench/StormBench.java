package io.gaimace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.SendRequest;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Reconnect storm: {@code clients} users in rooms of {@code roomSize} lose their network together
 * (a {@link CutProxy} between them and nats-server closes every connection and refuses new ones);
 * while they are away {@code messagesPerRoom} messages are sent to every room by senders who stay
 * connected; then the network comes back. Measured: time from the network's return until every
 * client has every missed message (and per-client percentiles).
 *
 * <p>Gaimace: SDK clients (jnats reconnect every 250 ms, auth callout again for each, then the
 * SDK's recovery: dialogue list, {@code history after} per room, presence re-announced), delivery
 * checked exactly once and in order. Raw: jnats clients as the static CHAT user (no callout) with a
 * core subscription on the raw stream's RePublish subject, each recovering by itself on reconnect
 * with a direct get of the subject's last message and an ordered consumer from the last sequence it
 * had seen — what Gaimace's server does on a client's behalf, but with JetStream rights no Gaimace
 * user may have.
 */
public final class StormBench implements Benchmark {
  /**
   * @param senders users who send while the clients are away (each owns some of the rooms)
   * @param connectThreads clients connecting at once during set-up
   */
  public record Params(
      int clients,
      int roomSize,
      int messagesPerRoom,
      int senders,
      int connectThreads,
      Duration timeout) {
    public static Params full() {
      // The issue asks for 2,000; on the 2-core benchmark machine 2,000 SDK clients in one JVM
      // (~22,000 threads) did not recover within 15 minutes (docs/benchmarks.md), so the full run
      // uses 1,000. Pass --storm-clients 2000 to try.
      return new Params(1000, 10, 5, 10, 8, Duration.ofMinutes(15));
    }

    public static Params smoke() {
      return new Params(20, 10, 3, 2, 4, Duration.ofSeconds(60));
    }

    int rooms() {
      return clients / roomSize;
    }
  }

  private final Params p;

  public StormBench(Params p) {
    this.p = p;
  }

  @Override
  public String name() {
    return "storm";
  }

  /** One side's storm: per-client recovery times and whether everything arrived. */
  record Phase(
      Histogram recovered,
      Histogram reconnected,
      double allSeconds,
      int complete,
      long duplicatesOrDisorder,
      double setupSeconds,
      double sendSeconds) {}

  @Override
  public Report run() throws Exception {
    if (p.clients() % p.roomSize() != 0 || p.rooms() < p.senders()) {
      throw new IllegalArgumentException("clients must fill whole rooms, at least one per sender");
    }
    Phase g;
    Phase r;
    long authAllowed;
    long authRefused;
    String gaimaceStates;
    String rawStates;
    int setupRetries;
    int sendRetries;
    try (BenchEnv env = BenchEnv.start(Duration.ofSeconds(15))) {
      try (CutProxy proxy = new CutProxy(env.nats().clientPort())) {
        GaimaceStorm storm = new GaimaceStorm(env, proxy, p);
        g = storm.run();
        authAllowed = storm.authAllowed;
        authRefused = storm.authRefused;
        gaimaceStates = storm.states;
        setupRetries = storm.setupRetries.get();
        sendRetries = storm.sendRetries.get();
      }
      try (CutProxy proxy = new CutProxy(env.nats().clientPort())) {
        RawStorm storm = new RawStorm(env, proxy, p);
        r = storm.run();
        rawStates = storm.states;
      }
    }
    Report report = new Report(name());
    report.add("all clients recovered", "s", g.allSeconds(), r.allSeconds());
    report.add(
        "client recovered p50", "s", ms(g.recovered(), 50) / 1000, ms(r.recovered(), 50) / 1000);
    report.add(
        "client recovered p99", "s", ms(g.recovered(), 99) / 1000, ms(r.recovered(), 99) / 1000);
    report.add(
        "client reconnected p50",
        "s",
        ms(g.reconnected(), 50) / 1000,
        ms(r.reconnected(), 50) / 1000);
    report.add(
        "client reconnected p99",
        "s",
        ms(g.reconnected(), 99) / 1000,
        ms(r.reconnected(), 99) / 1000);
    report.add("clients with every message", "clients", g.complete(), r.complete());
    report.note(
        "%d clients in %d rooms of %d, %d messages per room sent while away (%d in all, sent in"
            + " %.1f s through Gaimace, %.1f s raw); times from the network's return;"
            + " duplicates or out-of-order deliveries: Gaimace %d, raw %d (raw clients only count"
            + " distinct sequences); set-up (connect all clients): Gaimace %.1f s, raw %.1f s",
        p.clients(),
        p.rooms(),
        p.roomSize(),
        p.messagesPerRoom(),
        p.rooms() * p.messagesPerRoom(),
        g.sendSeconds(),
        r.sendSeconds(),
        g.duplicatesOrDisorder(),
        r.duplicatesOrDisorder(),
        g.setupSeconds(),
        r.setupSeconds());
    report.note(
        "auth callout decisions from the network's return until all recovered: %d allowed, %d"
            + " refused or failed (every reconnect of a Gaimace client goes through it)",
        authAllowed, authRefused);
    report.note("%s", ClientThreads.describe());
    return report;
  }

  private static double ms(Histogram h, double pct) {
    return h.getTotalCount() == 0 ? Double.NaN : Latencies.ms(h, pct);
  }

  static List<String> ids(String prefix, int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }

  /**
   * Sends {@code count} messages to every room through the senders; returns seconds. A send that
   * fails (no answer in time, or the server's {@code internal} error under overload) is sent again
   * with the same client id, as the SDK's outbox does, so the server stores it once.
   */
  static double sendThroughGaimace(
      List<Connection> senders, int rooms, int count, int firstIndex, AtomicInteger retries) {
    long t = System.nanoTime();
    List<CompletableFuture<?>> acks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      for (int room = 0; room < rooms; room++) {
        Connection sender = senders.get(room % senders.size());
        SendRequest request =
            new SendRequest(
                roomId(room),
                null,
                Payloads.content(firstIndex + i, 100),
                UUID.randomUUID().toString());
        acks.add(sendWithRetry(sender, request, 1, retries));
      }
    }
    acks.forEach(CompletableFuture::join);
    return Latencies.seconds(System.nanoTime() - t);
  }

  private static CompletableFuture<JsonNode> sendWithRetry(
      Connection sender, SendRequest request, int attempt, AtomicInteger retries) {
    CompletableFuture<JsonNode> call;
    try {
      call = Admin.callAsync(sender, ApiSubjects.SEND, request);
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    return call.handle(
            (reply, error) -> {
              if (error == null) {
                return CompletableFuture.completedFuture(reply);
              }
              if (attempt >= 30) {
                return CompletableFuture.<JsonNode>failedFuture(error);
              }
              retries.incrementAndGet();
              long delay = Math.min(2000, 100L << Math.min(attempt, 5));
              return CompletableFuture.supplyAsync(
                      () -> sendWithRetry(sender, request, attempt + 1, retries),
                      CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS))
                  .thenCompose(f -> f);
            })
        .thenCompose(f -> f);
  }

  /** Publishes {@code count} messages to every raw room; returns seconds. */
  static double sendRaw(JetStream js, int rooms, int count, int firstIndex, int size)
      throws Exception {
    long t = System.nanoTime();
    List<CompletableFuture<?>> acks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      for (int room = 0; room < rooms; room++) {
        acks.add(
            js.publishAsync(
                RawStream.storeSubject(roomId(room)), Payloads.raw(firstIndex + i, size)));
      }
    }
    for (CompletableFuture<?> a : acks) {
      a.get(60, TimeUnit.SECONDS);
    }
    return Latencies.seconds(System.nanoTime() - t);
  }

  static String roomId(int room) {
    return "storm" + room;
  }
}
