package io.gaimace.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLimitsConfigTest {
  @TempDir Path dir;

  @Test
  void fileLimitsHaveDefaultsInTheInitialFileAndEnvironmentOverrides() throws Exception {
    Path file = dir.resolve("gaimace.properties");
    ConfigLoader.writeInitial(file, "nats://127.0.0.1:4222", Secrets.generate());
    assertThat(ConfigLoader.load(file, Map.of()).files()).isEqualTo(FileLimits.defaults());
    ServerConfig c =
        ConfigLoader.load(
            file,
            Map.of(
                "GAIMACE_FILES_MAX_FILE_BYTES", "1048576",
                "GAIMACE_FILES_MAX_BYTES", "10485760",
                "GAIMACE_FILES_MAX_UPLOADS_PER_USER", "2",
                "GAIMACE_FILES_UPLOAD_TIMEOUT", "5m"));
    assertThat(c.files()).isEqualTo(new FileLimits(1 << 20, 10L << 20, 2, Duration.ofMinutes(5)));
  }

  @Test
  void aStoreSmallerThanOneFileIsRefused() {
    assertThatThrownBy(() -> new FileLimits(10, 5, 1, Duration.ofMinutes(1)))
        .hasMessageContaining("at least as large as one file");
  }
}
