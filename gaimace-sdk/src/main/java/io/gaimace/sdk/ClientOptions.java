package io.gaimace.sdk;

import io.gaimace.protocol.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach a Gaimace network: NATS server URLs (several for a cluster) and a login token.
 * Immutable; build with {@link #builder(String)}.
 *
 * @param servers NATS URLs, e.g. {@code nats://chat.example.com:4222}
 * @param token the token an admin issued ({@code gmc_<user>.<secret>})
 * @param connectTimeout how long a connect may take; a refused token is only reported after it
 * @param requestTimeout how long one API request may take before it is retried or fails
 * @param name connection name shown in NATS monitoring
 * @param queueGroup nullable: share this user's live chat messages with the other clients of the
 *     same user that give the same group (NATS queue group): each live message reaches one of them.
 *     For replicas of an agent; such a client does not recover missed messages from history.
 */
public record ClientOptions(
    List<String> servers,
    String token,
    Duration connectTimeout,
    Duration requestTimeout,
    String name,
    String queueGroup) {

  public ClientOptions {
    servers = List.copyOf(servers);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("give at least one NATS server URL");
    }
    Objects.requireNonNull(token, "token");
    if (Tokens.userIdOf(token).isEmpty()) {
      throw new IllegalArgumentException("not a Gaimace token: it looks like gmc_<user>.<secret>");
    }
  }

  /** Options without a queue group. */
  public ClientOptions(
      List<String> servers,
      String token,
      Duration connectTimeout,
      Duration requestTimeout,
      String name) {
    this(servers, token, connectTimeout, requestTimeout, name, null);
  }

  /** The user the token belongs to. */
  public String userId() {
    return Tokens.userIdOf(token).orElseThrow();
  }

  @Override
  public String toString() {
    return "ClientOptions[servers=" + servers + ", user=" + userId() + "]";
  }

  public static Builder builder(String token) {
    return new Builder(token);
  }

  /** Builds {@link ClientOptions}; only the token is required. */
  public static final class Builder {
    private final String token;
    private List<String> servers = List.of("nats://127.0.0.1:4222");
    private Duration connectTimeout = Duration.ofSeconds(3);
    private Duration requestTimeout = Duration.ofSeconds(5);
    private String name = "gaimace-java";
    private String queueGroup;

    private Builder(String token) {
      this.token = token;
    }

    public Builder servers(List<String> urls) {
      this.servers = urls;
      return this;
    }

    public Builder server(String url) {
      return servers(List.of(url));
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** See {@link ClientOptions#queueGroup()}; letters, digits, '-' and '_' only. */
    public Builder queueGroup(String group) {
      this.queueGroup = group;
      return this;
    }

    public ClientOptions build() {
      return new ClientOptions(servers, token, connectTimeout, requestTimeout, name, queueGroup);
    }
  }
}
