package io.gaimace.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills the servers a JVM leaves open (a test that forgot {@code close()}, a build stopped with
 * Ctrl-C) and deletes their directories, so that no {@code nats-server} or store outlives the run.
 */
final class ProcessReaper {
  private static final Set<NatsServerProcess> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> OPEN.forEach(NatsServerProcess::reap), "nats-server-reaper"));
  }

  private ProcessReaper() {}

  static void register(NatsServerProcess server) {
    OPEN.add(server);
  }

  static void unregister(NatsServerProcess server) {
    OPEN.remove(server);
  }
}
