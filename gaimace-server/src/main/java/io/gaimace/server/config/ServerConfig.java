package io.gaimace.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a Gaimace server instance needs to run. Build one with {@link #builder(Secrets)} or
 * load it with {@link ConfigLoader}.
 *
 * @param natsUrls NATS servers to connect to (several for a cluster)
 * @param presenceGrace how long a user whose last connection ended stays online before the server
 *     announces {@code offline} (the protocol's disconnect timeout)
 * @param jwtTtl lifetime of the user JWTs the auth callout issues; clients reconnect transparently
 * @param httpHost address the health and metrics endpoint listens on (127.0.0.1 by default)
 * @param httpPort port of the health and metrics endpoint; 0 picks a free one, -1 disables it
 * @param search what one search request may scan
 * @param files limits of file sharing
 */
public record ServerConfig(
    List<String> natsUrls,
    Secrets secrets,
    Retention retention,
    Limits limits,
    Duration presenceGrace,
    Duration jwtTtl,
    String httpHost,
    int httpPort,
    SearchLimits search,
    FileLimits files) {

  public ServerConfig {
    natsUrls = List.copyOf(natsUrls);
    if (natsUrls.isEmpty()) {
      throw new IllegalArgumentException("at least one NATS url is needed");
    }
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(files, "files");
    if (presenceGrace.isNegative() || jwtTtl.isNegative() || jwtTtl.isZero()) {
      throw new IllegalArgumentException("presence grace and jwt ttl must be positive");
    }
  }

  public static Builder builder(Secrets secrets) {
    return new Builder(secrets);
  }

  /** Builds a {@link ServerConfig}; every setting has a safe default. */
  public static final class Builder {
    private List<String> natsUrls = List.of("nats://127.0.0.1:4222");
    private final Secrets secrets;
    private Retention retention = Retention.defaults();
    private Limits limits = Limits.defaults();
    private Duration presenceGrace = Duration.ofSeconds(15);
    private Duration jwtTtl = Duration.ofHours(1);
    private String httpHost = "127.0.0.1";
    private int httpPort = -1;
    private SearchLimits search = SearchLimits.defaults();
    private FileLimits files = FileLimits.defaults();

    private Builder(Secrets secrets) {
      this.secrets = secrets;
    }

    public Builder natsUrls(List<String> urls) {
      this.natsUrls = urls;
      return this;
    }

    public Builder natsUrl(String url) {
      return natsUrls(List.of(url));
    }

    public Builder retention(Retention retention) {
      this.retention = retention;
      return this;
    }

    public Builder limits(Limits limits) {
      this.limits = limits;
      return this;
    }

    public Builder presenceGrace(Duration grace) {
      this.presenceGrace = grace;
      return this;
    }

    public Builder jwtTtl(Duration ttl) {
      this.jwtTtl = ttl;
      return this;
    }

    public Builder httpHost(String host) {
      this.httpHost = host;
      return this;
    }

    public Builder httpPort(int port) {
      this.httpPort = port;
      return this;
    }

    public Builder search(SearchLimits search) {
      this.search = search;
      return this;
    }

    public Builder files(FileLimits files) {
      this.files = files;
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(
          natsUrls,
          secrets,
          retention,
          limits,
          presenceGrace,
          jwtTtl,
          httpHost,
          httpPort,
          search,
          files);
    }
  }
}
