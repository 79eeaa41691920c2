package io.gaimace.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills the servers a JVM leaves behind (a test that forgot {@code close()}, a build that was
 * interrupted), so that no {@code nats-server} outlives the test run.
 */
final class ProcessReaper {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> LIVE.forEach(Process::destroyForcibly), "nats-server-reaper"));
  }

  private ProcessReaper() {}

  static void register(Process process) {
    LIVE.add(process);
  }

  static void unregister(Process process) {
    LIVE.remove(process);
  }
}
