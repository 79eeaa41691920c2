package io.gaimace.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Loads a {@link ServerConfig} from a properties file, where environment variables win: the key
 * {@code retention.max-age} is overridden by {@code GAIMACE_RETENTION_MAX_AGE}. docs/operations.md
 * lists every key.
 */
public final class ConfigLoader {
  private final Properties file;
  private final Map<String, String> env;

  private ConfigLoader(Properties file, Map<String, String> env) {
    this.file = file;
    this.env = env;
  }

  /** Loads the file (if it exists) with the process environment on top. */
  public static ServerConfig load(Path path) throws IOException {
    return load(path, System.getenv());
  }

  public static ServerConfig load(Path path, Map<String, String> env) throws IOException {
    Properties p = new Properties();
    if (path != null && Files.exists(path)) {
      try (Reader r = Files.newBufferedReader(path)) {
        p.load(r);
      }
    }
    return new ConfigLoader(p, env).build();
  }

  /**
   * Writes a fresh configuration file (replacing any) with these secrets and every default spelled
   * out.
   */
  public static void writeInitial(Path path, String natsUrl, Secrets s) throws IOException {
    Retention r = Retention.defaults();
    Limits l = Limits.defaults();
    String text =
        """
        # Gaimace server configuration. Environment variables override keys:
        # retention.max-age -> GAIMACE_RETENTION_MAX_AGE. See docs/operations.md.
        nats.urls=%s
        # Secrets: keep this file private (chmod 600).
        secrets.issuer-seed=%s
        secrets.auth-password=%s
        secrets.service-password=%s
        retention.max-age=90d
        retention.max-messages-per-dialogue=%d
        retention.max-bytes=%d
        retention.replicas=%d
        limits.max-message-bytes=%d
        limits.max-history-page=%d
        limits.max-recovery-batch=%d
        limits.sends-per-second=%d
        limits.send-burst=%d
        search.max-scan-per-dialogue=%d
        search.max-scan-per-request=%d
        presence.grace=15s
        auth.jwt-ttl=1h
        http.host=127.0.0.1
        http.port=9090
        files.max-file-bytes=%d
        files.max-bytes=%d
        files.max-uploads-per-user=%d
        files.upload-timeout=1h
        """
            .formatted(
                natsUrl,
                s.issuerSeed(),
                s.authPassword(),
                s.servicePassword(),
                r.maxMessagesPerDialogue(),
                r.maxBytes(),
                r.replicas(),
                l.maxMessageBytes(),
                l.maxHistoryPage(),
                l.maxRecoveryBatch(),
                l.sendsPerSecond(),
                l.sendBurst(),
                SearchLimits.defaults().maxScanPerDialogue(),
                SearchLimits.defaults().maxScanPerRequest(),
                FileLimits.defaults().maxFileBytes(),
                FileLimits.defaults().maxBytes(),
                FileLimits.defaults().maxUploadsPerUser());
    // Created private from the start, so the secrets are never readable by others.
    Files.deleteIfExists(path);
    try {
      Files.createFile(
          path,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(path); // not a POSIX file system: the operator protects the file
    }
    Files.writeString(path, text);
  }

  private String get(String key) {
    String envKey = "GAIMACE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    String v = env.get(envKey);
    return v != null ? v : file.getProperty(key);
  }

  private String require(String key) {
    String v = get(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(
          "configuration key '" + key + "' is missing (run 'gaimace init' to create secrets)");
    }
    return v.trim();
  }

  private long number(String key, long fallback) {
    String v = get(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("configuration key '" + key + "' must be a number", e);
    }
  }

  private java.time.Duration duration(String key, java.time.Duration fallback) {
    String v = get(key);
    return v == null || v.isBlank() ? fallback : Durations.parse(v);
  }

  private FileLimits fileLimits() {
    FileLimits f = FileLimits.defaults();
    return new FileLimits(
        number("files.max-file-bytes", f.maxFileBytes()),
        number("files.max-bytes", f.maxBytes()),
        (int) number("files.max-uploads-per-user", f.maxUploadsPerUser()),
        duration("files.upload-timeout", f.uploadTimeout()));
  }

  private ServerConfig build() {
    Secrets secrets =
        new Secrets(
            require("secrets.issuer-seed"),
            require("secrets.auth-password"),
            require("secrets.service-password"));
    Retention d = Retention.defaults();
    Limits l = Limits.defaults();
    String urls = get("nats.urls");
    return ServerConfig.builder(secrets)
        .natsUrls(
            urls == null || urls.isBlank()
                ? java.util.List.of("nats://127.0.0.1:4222")
                : Arrays.stream(urls.split(",")).map(String::trim).toList())
        .retention(
            new Retention(
                duration("retention.max-age", d.maxAge()),
                number("retention.max-messages-per-dialogue", d.maxMessagesPerDialogue()),
                number("retention.max-bytes", d.maxBytes()),
                (int) number("retention.replicas", d.replicas())))
        .limits(
            new Limits(
                (int) number("limits.max-message-bytes", l.maxMessageBytes()),
                (int) number("limits.max-history-page", l.maxHistoryPage()),
                (int) number("limits.max-recovery-batch", l.maxRecoveryBatch()),
                (int) number("limits.sends-per-second", l.sendsPerSecond()),
                (int) number("limits.send-burst", l.sendBurst())))
        .search(
            new SearchLimits(
                (int)
                    number(
                        "search.max-scan-per-dialogue",
                        SearchLimits.defaults().maxScanPerDialogue()),
                (int)
                    number(
                        "search.max-scan-per-request",
                        SearchLimits.defaults().maxScanPerRequest())))
        .presenceGrace(duration("presence.grace", java.time.Duration.ofSeconds(15)))
        .jwtTtl(duration("auth.jwt-ttl", java.time.Duration.ofHours(1)))
        .httpHost(get("http.host") == null ? "127.0.0.1" : get("http.host").trim())
        .httpPort((int) number("http.port", -1))
        .files(fileLimits())
        .build();
  }
}
