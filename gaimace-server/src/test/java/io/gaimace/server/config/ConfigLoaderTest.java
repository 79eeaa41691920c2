package io.gaimace.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void theInitialFileLoadsWithItsDefaultsAndIsPrivate() throws Exception {
    Path file = dir.resolve("gaimace.properties");
    Secrets secrets = Secrets.generate();
    ConfigLoader.writeInitial(file, "nats://127.0.0.1:4333", secrets);
    ServerConfig c = ConfigLoader.load(file, Map.of());
    assertThat(c.natsUrls()).containsExactly("nats://127.0.0.1:4333");
    assertThat(c.secrets()).isEqualTo(secrets);
    assertThat(c.retention()).isEqualTo(Retention.defaults());
    assertThat(c.limits()).isEqualTo(Limits.defaults());
    assertThat(c.presenceGrace()).isEqualTo(Duration.ofSeconds(15));
    assertThat(c.httpPort()).isEqualTo(9090);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(c.secrets().toString()).doesNotContain(secrets.authPassword());
  }

  @Test
  void environmentVariablesOverrideTheFile() throws Exception {
    Path file = dir.resolve("gaimace.properties");
    ConfigLoader.writeInitial(file, "nats://127.0.0.1:4222", Secrets.generate());
    ServerConfig c =
        ConfigLoader.load(
            file,
            Map.of(
                "GAIMACE_NATS_URLS", "nats://a:4222, nats://b:4222",
                "GAIMACE_RETENTION_MAX_AGE", "7d",
                "GAIMACE_RETENTION_REPLICAS", "3",
                "GAIMACE_LIMITS_MAX_MESSAGE_BYTES", "2048",
                "GAIMACE_PRESENCE_GRACE", "500ms"));
    assertThat(c.natsUrls()).containsExactly("nats://a:4222", "nats://b:4222");
    assertThat(c.retention().maxAge()).isEqualTo(Duration.ofDays(7));
    assertThat(c.retention().replicas()).isEqualTo(3);
    assertThat(c.limits().maxMessageBytes()).isEqualTo(2048);
    assertThat(c.presenceGrace()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void missingSecretsAndBadValuesAreExplained() throws Exception {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("absent"), Map.of()))
        .hasMessageContaining("secrets.issuer-seed")
        .hasMessageContaining("gaimace init");
    Path file = dir.resolve("gaimace.properties");
    ConfigLoader.writeInitial(file, "nats://127.0.0.1:4222", Secrets.generate());
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("GAIMACE_LIMITS_SEND_BURST", "lots")))
        .hasMessageContaining("limits.send-burst");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("GAIMACE_PRESENCE_GRACE", "soon")))
        .hasMessageContaining("not a duration");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("GAIMACE_RETENTION_REPLICAS", "2")))
        .hasMessageContaining("replicas");
    assertThat(List.of(Durations.parse("90d"), Durations.parse("PT1H")))
        .containsExactly(Duration.ofDays(90), Duration.ofHours(1));
  }
}
