package io.gaimace.cli;

import io.gaimace.server.GaimaceServer;
import io.gaimace.server.config.Retention;
import io.gaimace.server.config.Secrets;
import io.gaimace.server.config.ServerConfig;
import io.gaimace.server.nats.NatsLayout;
import io.gaimace.testing.NatsServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real nats-server with Gaimace's accounts, a real Gaimace server on it, and the first admin's
 * token in a file: what an operator has after {@code gaimace init} and {@code gaimace server}.
 */
final class CliEnv implements AutoCloseable {
  private final Path dir;
  private final NatsServerProcess nats;
  private final GaimaceServer server;
  private final Path adminTokenFile;

  private CliEnv(Path dir) throws Exception {
    this.dir = dir;
    Secrets secrets = Secrets.generate();
    this.nats =
        NatsServerProcess.builder().configFragment(NatsLayout.configFragment(secrets)).start();
    try {
      this.server =
          GaimaceServer.start(
              ServerConfig.builder(secrets)
                  .natsUrl(nats.clientUrl())
                  .retention(testRetention())
                  .presenceGrace(Duration.ofSeconds(1))
                  .build());
    } catch (Exception e) {
      nats.close();
      throw e;
    }
    this.adminTokenFile = dir.resolve("admin.token");
    Files.writeString(adminTokenFile, server.bootstrapAdmin("admin").orElseThrow().token());
  }

  /** Small retention, so tests reserve little of the test nats-server's file store. */
  static Retention testRetention() {
    return new Retention(Duration.ofDays(1), 10_000, 256L << 20, 1);
  }

  static CliEnv start(Path dir) throws Exception {
    return new CliEnv(dir);
  }

  String natsUrl() {
    return nats.clientUrl();
  }

  Path dir() {
    return dir;
  }

  /** Runs a command as the admin: {@code args} then the connection options. */
  Cli.Result admin(String... args) {
    return as("admin", adminTokenFile, args);
  }

  /** Runs a command as {@code user} with a token held in {@code tokenFile}. */
  Cli.Result as(String user, Path tokenFile, String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(
        List.of("--nats-url", natsUrl(), "--user", user, "--token-file", tokenFile.toString()));
    return Cli.run(all.toArray(String[]::new));
  }

  /** A port nothing listens on (it was free a moment ago). */
  static int unusedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    nats.close();
  }
}
