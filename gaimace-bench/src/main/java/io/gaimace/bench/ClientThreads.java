package io.gaimace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that create the simulated clients of a storm, at the lowest CPU priority (nice 19).
 *
 * <p>Why: a storm's thousand clients live in the benchmark's JVM, each with its NATS connection's
 * threads, on the same two cores as the servers. In a deployment clients run on their own machines.
 * Linux keeps a nice value per thread and a new thread inherits its creator's, so every thread a
 * client creates (its connection's reader, writer, dispatcher, the SDK's event thread) runs at nice
 * 19 while the servers (nats-server, and the Gaimace server's threads, created before by normal
 * threads) keep their share. Both sides of a storm, Gaimace and raw, use these threads. Where the
 * renice is not allowed the threads keep normal priority and the report says so.
 */
final class ClientThreads {
  private static final AtomicInteger RENICED = new AtomicInteger();
  private static final AtomicInteger FAILED = new AtomicInteger();

  private ClientThreads() {}

  /** A fixed pool whose threads lower their own priority before running anything. */
  static ExecutorService pool(int threads) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t =
              new Thread(
                  () -> {
                    lowerCurrentThread();
                    r.run();
                  },
                  "client-maker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** Makes one client; called on a low-priority thread. */
  interface Connector<T> {
    T connect(int n) throws Exception;
  }

  /** Connects clients 0 … count-1, {@code threads} at a time, on low-priority threads, in order. */
  static <T> List<T> connectAll(int count, int threads, Connector<T> connector)
      throws InterruptedException, ExecutionException {
    ExecutorService pool = pool(threads);
    try {
      List<Future<T>> connecting = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        connecting.add(pool.submit(() -> connector.connect(n)));
      }
      List<T> clients = new ArrayList<>();
      for (Future<T> f : connecting) {
        clients.add(f.get());
      }
      return clients;
    } finally {
      pool.shutdown();
    }
  }

  /** How the clients ran, for the report's notes. */
  static String describe() {
    return FAILED.get() == 0
        ? "client threads at nice 19 (servers at normal priority)"
        : "client threads at normal priority (renice refused " + FAILED.get() + " times)";
  }

  private static void lowerCurrentThread() {
    try {
      // "/proc/thread-self" links to "<pid>/task/<tid>": the Linux id of this very thread.
      String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
      Process p =
          new ProcessBuilder("renice", "-n", "19", "-p", tid)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      boolean ok = p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
      (ok ? RENICED : FAILED).incrementAndGet();
    } catch (IOException | UnsupportedOperationException e) {
      FAILED.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      FAILED.incrementAndGet();
    }
  }
}
