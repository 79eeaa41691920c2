package io.gaimace.server;

import io.gaimace.server.config.ConfigLoader;
import io.gaimace.server.config.Limits;
import io.gaimace.server.config.Retention;
import io.gaimace.server.config.Secrets;
import io.gaimace.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Gaimace server in its own JVM, so that tests can kill it with SIGKILL like a crash. The child
 * runs {@link #main} with the test class path; it writes the first admin's token to a file.
 */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private ServerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts a server on the given NATS and waits until it serves. */
  public static ServerProcess start(String natsUrl, Secrets secrets, Path dir) throws Exception {
    Files.createDirectories(dir);
    Path config = dir.resolve("gaimace.properties");
    if (!Files.exists(config)) {
      ConfigLoader.writeInitial(config, natsUrl, secrets);
    }
    Path ready = dir.resolve("ready-" + System.nanoTime());
    Path log = dir.resolve("server-" + System.nanoTime() + ".log");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ServerProcess.class.getName(),
                config.toString(),
                ready.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> Files.exists(ready) || !p.isAlive());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // reported below
    }
    if (!Files.exists(ready)) {
      p.destroyForcibly();
      throw new IllegalStateException("server process did not start:\n" + Files.readString(log));
    }
    return new ServerProcess(p, log);
  }

  /** The token of the first admin, written by whichever process bootstrapped it. */
  public static String adminToken(Path dir) throws IOException {
    return Files.readString(dir.resolve("admin.token")).trim();
  }

  /** SIGKILL: no shutdown hook, no clean close. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      kill();
    }
  }

  /** The child: args are the config file and the file to create once serving. */
  public static void main(String[] args) throws Exception {
    ServerConfig loaded = ConfigLoader.load(Path.of(args[0]), Map.of());
    ServerConfig config =
        ServerConfig.builder(loaded.secrets())
            .natsUrls(loaded.natsUrls())
            .retention(new Retention(Duration.ofDays(1), 100_000, 256L << 20, 1))
            .limits(new Limits(4096, 100, 500, 1000, 1000))
            .presenceGrace(Duration.ofSeconds(1))
            .build();
    GaimaceServer server = GaimaceServer.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    Path dir = Path.of(args[0]).getParent();
    server
        .bootstrapAdmin("admin")
        .ifPresent(
            t -> {
              try {
                Files.writeString(dir.resolve("admin.token"), t.token());
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    Files.writeString(Path.of(args[1]), "up");
    Thread.currentThread().join();
  }
}
