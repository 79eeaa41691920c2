package io.gaimace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gaimace.server.config.ConfigLoader;
import io.gaimace.server.config.Secrets;
import io.gaimace.server.nats.NatsLayout;
import io.gaimace.testing.NatsServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gaimace init} then {@code gaimace server} on a real nats-server, as an operator would. */
class ServerCommandTest {
  @TempDir Path dir;

  @Test
  void firstStartWritesTheAdminTokenAndServesUntilStopped() throws Exception {
    assertThat(Cli.run("init", "--dir", dir.toString()).exitCode()).isZero();
    Path properties = dir.resolve("gaimace.properties");
    Secrets secrets = ConfigLoader.load(properties, Map.of()).secrets();
    try (NatsServerProcess nats =
        NatsServerProcess.builder().configFragment(NatsLayout.configFragment(secrets)).start()) {
      // Later keys win: point at the test server, fit its store, and pick a free HTTP port.
      int webPort = CliEnv.unusedPort();
      Files.writeString(
          properties,
          "nats.urls=%s%nretention.max-bytes=%d%nhttp.port=0%nweb.port=%d%n"
              .formatted(nats.clientUrl(), CliEnv.testRetention().maxBytes(), webPort),
          StandardOpenOption.APPEND);
      Path tokenFile = dir.resolve("admin.token");

      AtomicReference<Cli.Result> result = new AtomicReference<>();
      Thread server =
          new Thread(() -> result.set(Cli.run("server", "--config", properties.toString())));
      server.start();
      try {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(tokenFile));
        assertThat(Files.getPosixFilePermissions(tokenFile))
            .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Cli.Result users =
            Cli.run(
                "user",
                "list",
                "--nats-url",
                nats.clientUrl(),
                "--token-file",
                tokenFile.toString());
        assertThat(users.exitCode()).as(users.toString()).isZero();
        assertThat(users.out()).containsPattern("(?m)^admin +admin +human +yes ");

        // The web client: the page, and where its browsers find NATS's WebSocket listener.
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + webPort + "/";
        HttpResponse<String> page =
            http.send(HttpRequest.newBuilder(URI.create(base)).build(), BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Gaimace</title>");
        HttpResponse<String> webConfig =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "config.json")).build(),
                BodyHandlers.ofString());
        assertThat(webConfig.body()).isEqualTo("{\"nats_websocket_url\":\"ws://127.0.0.1:9222\"}");
      } finally {
        server.interrupt();
        server.join(Duration.ofSeconds(20).toMillis());
      }
      assertThat(server.isAlive()).isFalse();
      assertThat(result.get().exitCode()).as(result.get().toString()).isZero();
    }
  }

  @Test
  void missingConfigurationSaysToRunInit() {
    Cli.Result result = Cli.run("server", "--config", dir.resolve("none.properties").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(result.err()).contains("gaimace init");
  }

  @Test
  void unreachableNatsExitsWithThree() throws Exception {
    assertThat(
            Cli.run("init", "--dir", dir.toString(), "--port", "" + CliEnv.unusedPort()).exitCode())
        .isZero();

    Cli.Result result = Cli.run("server", "--config", dir.resolve("gaimace.properties").toString());

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(result.err()).contains("Is nats-server running");
  }
}
