package io.gaimace.bench;

import io.gaimace.protocol.api.TokenCreated;
import io.gaimace.server.GaimaceServer;
import io.gaimace.server.auth.PermissionPolicy;
import io.gaimace.server.config.Limits;
import io.gaimace.server.config.Retention;
import io.gaimace.server.config.Secrets;
import io.gaimace.server.config.ServerConfig;
import io.gaimace.server.nats.Accounts;
import io.gaimace.server.nats.NatsLayout;
import io.gaimace.testing.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * One benchmark's world: a real {@code nats-server} with Gaimace's accounts and auth callout, and a
 * Gaimace server running in this JVM (so its heap can be measured). Raw-NATS baselines run on the
 * same nats-server, in the CHAT account, as Gaimace's own static user {@code gaimace-chat} (no
 * callout, full JetStream rights): the same process, store and disk, without Gaimace in the path.
 *
 * <p>The test harness gives JetStream 8 GB of file storage; the fragment here replaces that block
 * (nats-server keeps the last one) with 16 GB in a store directory of our own, and the stream may
 * grow to 4 GiB.
 */
public final class BenchEnv implements AutoCloseable {
  /** Sends are not rate-limited in benchmarks: 100,000 a second per user, bursts as large. */
  public static final Limits LIMITS = new Limits(16 * 1024, 100, 500, 100_000, 100_000);

  public static final Retention RETENTION =
      new Retention(Duration.ofDays(1), 1_000_000, 4L << 30, 1);

  private final Path storeDir;
  private final Secrets secrets;
  private final NatsServerProcess nats;
  private final GaimaceServer server;
  private final Admin admin;

  private BenchEnv(Duration presenceGrace) throws Exception {
    this.storeDir = Files.createTempDirectory("gaimace-bench-js-");
    this.secrets = Secrets.generate();
    NatsServerProcess started = null;
    GaimaceServer gaimace = null;
    try {
      started =
          NatsServerProcess.builder()
              .configFragment(NatsLayout.configFragment(secrets) + jetStreamBlock(storeDir))
              .start();
      gaimace =
          GaimaceServer.start(
              ServerConfig.builder(secrets)
                  .natsUrl(started.clientUrl())
                  .retention(RETENTION)
                  .limits(LIMITS)
                  .presenceGrace(presenceGrace)
                  .build());
      TokenCreated first = gaimace.bootstrapAdmin("admin").orElseThrow();
      this.nats = started;
      this.server = gaimace;
      this.admin = new Admin(this, userConnection("admin", first.token()));
    } catch (Exception | Error e) {
      if (gaimace != null) {
        gaimace.close();
      }
      if (started != null) {
        started.close();
      }
      deleteTree(storeDir);
      throw e;
    }
  }

  /** Starts NATS and Gaimace with the given presence grace (the production default is 15 s). */
  public static BenchEnv start(Duration presenceGrace) throws Exception {
    return new BenchEnv(presenceGrace);
  }

  static String jetStreamBlock(Path storeDir) {
    return """

        jetstream {
          store_dir: "%s"
          max_memory_store: 256MB
          max_file_store: 16GB
        }
        """
        .formatted(storeDir.toString().replace("\\", "\\\\"));
  }

  public NatsServerProcess nats() {
    return nats;
  }

  public String url() {
    return nats.clientUrl();
  }

  public GaimaceServer server() {
    return server;
  }

  public Admin admin() {
    return admin;
  }

  /**
   * A connection as a Gaimace user, through the auth callout, with the user's inbox prefix (what
   * the SDK does, without the SDK's subscriptions).
   */
  public Connection userConnection(String userId, String token)
      throws IOException, InterruptedException {
    return Nats.connect(
        new Options.Builder()
            .server(url())
            .token(token.toCharArray())
            .inboxPrefix(PermissionPolicy.inboxPrefix(userId))
            .connectionTimeout(Duration.ofSeconds(5))
            .maxReconnects(-1)
            .build());
  }

  /**
   * A raw-NATS connection for baselines: the static user {@code gaimace-chat} of the CHAT account
   * (no callout, JetStream allowed).
   */
  public Connection rawConnection() throws IOException, InterruptedException {
    return Nats.connect(rawOptions(url()).build());
  }

  /** Options of a raw-NATS connection to {@code url} (e.g. through a proxy). */
  public Options.Builder rawOptions(String url) {
    return new Options.Builder()
        .server(url)
        .userInfo(Accounts.SERVICE_USER_CHAT, secrets.servicePassword())
        .errorListener(new ErrorListener() {})
        .connectionTimeout(Duration.ofSeconds(5))
        .maxReconnects(-1);
  }

  @Override
  public void close() {
    admin.close();
    // Disconnect events of the benchmark's clients still arrive while the server stops, and its
    // presence timer refuses them with a warning each; that noise says nothing about the run.
    quiet("io.gaimace.server.presence.PresenceService");
    server.close();
    nats.stop();
    keepLog();
    nats.close();
    deleteTree(storeDir);
  }

  /** With {@code BENCH_LOG_DIR} set, keeps nats-server's log there (for looking into a run). */
  private void keepLog() {
    String dir = System.getenv("BENCH_LOG_DIR");
    if (dir == null || dir.isBlank()) {
      return;
    }
    try {
      Path target = Path.of(dir).resolve(nats.serverName() + ".log");
      Files.createDirectories(target.getParent());
      Files.copy(nats.logFile(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      System.err.println("cannot keep the nats-server log: " + e.getMessage());
    }
  }

  /**
   * The auth callout's decisions so far: {allowed, refused}, from the server's metrics; {-1, -1}
   * when they cannot be read (the scrape also computes gauges that read KV, which fails when the
   * server's connections are overloaded).
   */
  public long[] authDecisions() {
    long allowed = 0;
    long refused = 0;
    try {
      for (String line : server.metrics().scrape().split("\\n")) {
        if (line.startsWith("gaimace_auth_total{result=\"allowed\"}")) {
          allowed = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        } else if (line.startsWith("gaimace_auth_total{result=\"refused\"}")) {
          refused = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    } catch (RuntimeException e) {
      return new long[] {-1, -1};
    }
    return new long[] {allowed, refused};
  }

  private static void quiet(String logger) {
    if (LoggerFactory.getLogger(logger) instanceof ch.qos.logback.classic.Logger l) {
      l.setLevel(ch.qos.logback.classic.Level.OFF);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("cannot delete " + root + ": " + e.getMessage());
    }
  }
}
