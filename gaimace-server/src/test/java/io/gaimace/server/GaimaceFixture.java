package io.gaimace.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.server.auth.PermissionPolicy;
import io.gaimace.server.config.Retention;
import io.gaimace.server.config.Secrets;
import io.gaimace.server.config.ServerConfig;
import io.gaimace.server.nats.NatsLayout;
import io.gaimace.testing.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real nats-server with Gaimace's accounts and a real Gaimace server on it, for tests. Creates
 * the first admin; {@link #user(String)} creates users through the admin API and returns tokens.
 */
public final class GaimaceFixture implements AutoCloseable {
  private final NatsServerProcess nats;
  private final Secrets secrets;
  private final List<GaimaceServer> servers = new ArrayList<>();
  private final List<Connection> clients = new ArrayList<>();
  private final UnaryOperator<ServerConfig.Builder> tuning;
  private final String adminToken;
  private final Connection admin;

  private GaimaceFixture(UnaryOperator<ServerConfig.Builder> tuning) throws Exception {
    this.tuning = tuning;
    this.secrets = Secrets.generate();
    this.nats =
        NatsServerProcess.builder()
            .websocket(true)
            .configFragment(NatsLayout.configFragment(secrets))
            .start();
    GaimaceServer first = startServer();
    this.adminToken = first.bootstrapAdmin("admin").orElseThrow().token();
    this.admin = connectAs("admin", adminToken);
  }

  public static GaimaceFixture start() throws Exception {
    return new GaimaceFixture(b -> b);
  }

  public static GaimaceFixture start(UnaryOperator<ServerConfig.Builder> tuning) throws Exception {
    return new GaimaceFixture(tuning);
  }

  /** Starts one more Gaimace server instance on the same NATS. */
  public GaimaceServer startServer() throws IOException, InterruptedException {
    ServerConfig config =
        tuning
            .apply(
                ServerConfig.builder(secrets)
                    .natsUrl(nats.clientUrl())
                    .retention(new Retention(Duration.ofDays(1), 10_000, 256L << 20, 1))
                    .presenceGrace(Duration.ofSeconds(1)))
            .build();
    GaimaceServer server = GaimaceServer.start(config);
    servers.add(server);
    return server;
  }

  public NatsServerProcess nats() {
    return nats;
  }

  public Secrets secrets() {
    return secrets;
  }

  public GaimaceServer server() {
    return servers.get(0);
  }

  public List<GaimaceServer> servers() {
    return servers;
  }

  public Connection admin() {
    return admin;
  }

  /** Creates a user (kind human unless given) and returns a fresh token for it. */
  public String user(String userId) throws Exception {
    return user(userId, "human");
  }

  public String user(String userId, String kind) throws Exception {
    ok(call(admin, ApiSubjects.ADMIN_USER_ADD, Map.of("user_id", userId, "kind", kind)));
    return token(userId);
  }

  public String token(String userId) throws Exception {
    return ok(call(admin, ApiSubjects.ADMIN_TOKEN_CREATE, Map.of("user_id", userId)))
        .get("token")
        .asText();
  }

  /** Connects as the token's user, with the per-user inbox prefix a Gaimace client must use. */
  public Connection connect(String token) throws IOException, InterruptedException {
    return connect(token, null);
  }

  public Connection connect(String token, String userIdForInbox)
      throws IOException, InterruptedException {
    Options.Builder b =
        new Options.Builder()
            .server(nats.clientUrl())
            .token(token.toCharArray())
            .connectionTimeout(Duration.ofSeconds(2))
            .reconnectWait(Duration.ofMillis(100))
            .maxReconnects(-1);
    String user = userIdForInbox;
    if (user != null) {
      b.inboxPrefix(PermissionPolicy.inboxPrefix(user));
    }
    Connection c = Nats.connect(b.build());
    clients.add(c);
    return c;
  }

  /** Connects a user created with {@link #user(String)}. */
  public Connection connectAs(String userId, String token)
      throws IOException, InterruptedException {
    return connect(token, userId);
  }

  /**
   * Connects as the server's own CHAT user, which owns the JetStream state, so tests can look at
   * streams and buckets directly. Closed with the fixture.
   */
  public Connection storeConnection() throws IOException, InterruptedException {
    Connection c =
        Nats.connect(
            new Options.Builder()
                .server(nats.clientUrl())
                .userInfo(
                    io.gaimace.server.nats.Accounts.SERVICE_USER_CHAT, secrets.servicePassword())
                .build());
    clients.add(c);
    return c;
  }

  /** Sends an API request and returns the JSON reply (an error reply too). */
  public static JsonNode call(Connection c, String operation, Object body) throws Exception {
    byte[] data = ProtocolCodec.mapper().writeValueAsBytes(body);
    Message reply = c.request(ApiSubjects.of(operation), data, Duration.ofSeconds(5));
    if (reply == null) {
      throw new AssertionError("no reply to " + operation);
    }
    return ProtocolCodec.mapper().readTree(reply.getData());
  }

  /** Fails when the reply is an error; returns it otherwise. */
  public static JsonNode ok(JsonNode reply) {
    if ("error".equals(reply.path("type").asText())) {
      throw new AssertionError("error reply: " + reply);
    }
    return reply;
  }

  @Override
  public void close() {
    for (Connection c : clients) {
      try {
        c.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (GaimaceServer s : servers) {
      s.close();
    }
    nats.close();
  }
}
