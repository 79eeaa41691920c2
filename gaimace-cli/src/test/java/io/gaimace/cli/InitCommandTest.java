package io.gaimace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.server.config.ConfigLoader;
import io.gaimace.server.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  @TempDir Path tmp;

  @Test
  void writesConfigurationAndMatchingNatsConf() throws Exception {
    Path dir = tmp.resolve("gm");

    Cli.Result result =
        Cli.run("init", "--dir", dir.toString(), "--port", "4333", "--ws-port", "9333");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    Path properties = dir.resolve("gaimace.properties");
    Path natsConf = dir.resolve("nats.conf");
    assertThat(result.out()).contains("wrote " + properties, "wrote " + natsConf);
    ServerConfig config = ConfigLoader.load(properties, Map.of());
    assertThat(config.natsUrls()).containsExactly("nats://127.0.0.1:4333");
    assertThat(Files.getPosixFilePermissions(properties))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(natsConf))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(dir))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));

    String conf = Files.readString(natsConf);
    assertThat(conf)
        .contains("server_name: gaimace")
        .contains("listen: \"127.0.0.1:4333\"")
        .contains("http: \"127.0.0.1:8222\"")
        .contains("listen: \"127.0.0.1:9333\"", "no_tls: true", "compression: true")
        .contains("store_dir: \"" + dir.toAbsolutePath().resolve("jetstream") + "\"")
        .contains(config.secrets().issuerPublicKey())
        .contains(config.secrets().authPassword())
        .contains("auth_callout");
    assertThat(natsServerAccepts(natsConf)).as("nats-server -t -c " + natsConf).isTrue();
  }

  @Test
  void refusesToReplaceSecretsUnlessForced() throws Exception {
    Path dir = tmp.resolve("gm");
    assertThat(Cli.run("init", "--dir", dir.toString()).exitCode()).isZero();
    Path properties = dir.resolve("gaimace.properties");
    String first = Files.readString(properties);

    Cli.Result again = Cli.run("init", "--dir", dir.toString());

    assertThat(again.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(again.err()).contains(properties + " exists already", "--force");
    assertThat(Files.readString(properties)).isEqualTo(first);

    Cli.Result forced = Cli.run("init", "--dir", dir.toString(), "--force");
    assertThat(forced.exitCode()).as(forced.toString()).isZero();
    assertThat(Files.readString(properties)).isNotEqualTo(first);
  }

  @Test
  void natsUrlOptionIsWrittenAsGiven() throws Exception {
    Path dir = tmp.resolve("gm");
    String urls = "nats://10.0.0.1:4222,nats://10.0.0.2:4222";

    assertThat(Cli.run("init", "--dir", dir.toString(), "--nats-url", urls).exitCode()).isZero();

    assertThat(ConfigLoader.load(dir.resolve("gaimace.properties"), Map.of()).natsUrls())
        .containsExactly("nats://10.0.0.1:4222", "nats://10.0.0.2:4222");
  }

  @Test
  void invalidPortIsAUsageError() {
    Cli.Result result = Cli.run("init", "--dir", tmp.toString(), "--port", "70000");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("--port must be a port");
    assertThat(tmp.resolve("gaimace.properties")).doesNotExist();
  }

  /** {@code nats-server -t} parses a configuration and exits: 0 when it is valid. */
  private static boolean natsServerAccepts(Path conf) throws Exception {
    String binary = System.getenv().getOrDefault("NATS_SERVER_BIN", "nats-server");
    Process p =
        new ProcessBuilder(binary, "-t", "-c", conf.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return true;
  }
}
