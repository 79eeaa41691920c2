package io.gaimace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.CreateUserRequest;
import io.gaimace.protocol.api.TokenCreateRequest;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Sets a benchmark up through Gaimace's own admin API: users, tokens and rooms. Bulk creation is
 * pipelined over several admin users, because the server handles one caller's requests in order on
 * one of its 8 worker stripes.
 */
public final class Admin implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int WINDOW_PER_ADMIN = 32;
  private static final int ADMINS = 4;

  private final BenchEnv env;
  private final List<Connection> admins = new ArrayList<>();

  Admin(BenchEnv env, Connection first) {
    this.env = env;
    this.admins.add(first);
  }

  /** Sends an API request and waits for its reply; fails on an error reply. */
  public static JsonNode call(Connection c, String operation, Object body) {
    return callAsync(c, operation, body).join();
  }

  /** Sends an API request; the future fails on an error reply or when no reply comes. */
  public static CompletableFuture<JsonNode> callAsync(Connection c, String operation, Object body) {
    byte[] data;
    try {
      data = ProtocolCodec.mapper().writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c.requestWithTimeout(ApiSubjects.of(operation), data, TIMEOUT)
        .thenApply(reply -> ok(operation, reply));
  }

  private static JsonNode ok(String operation, Message reply) {
    try {
      JsonNode tree = ProtocolCodec.mapper().readTree(reply.getData());
      if ("error".equals(tree.path("type").asText())) {
        throw new IllegalStateException(operation + " refused: " + tree);
      }
      return tree;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates the users (kind human) and returns a token for each, in the same order. */
  public List<String> createUsers(List<String> userIds) throws Exception {
    addHelperAdmins();
    List<CompletableFuture<String>> tokens = new ArrayList<>(userIds.size());
    Semaphore window = new Semaphore(WINDOW_PER_ADMIN * admins.size());
    for (int i = 0; i < userIds.size(); i++) {
      String id = userIds.get(i);
      Connection c = admins.get(i % admins.size());
      window.acquire();
      CompletableFuture<String> token =
          callAsync(
                  c, ApiSubjects.ADMIN_USER_ADD, new CreateUserRequest(id, null, null, null, null))
              .thenCompose(
                  u ->
                      callAsync(
                          c,
                          ApiSubjects.ADMIN_TOKEN_CREATE,
                          new TokenCreateRequest(id, "bench", null)))
              .thenApply(t -> t.get("token").asText());
      token.whenComplete((t, e) -> window.release());
      tokens.add(token);
    }
    List<String> out = new ArrayList<>(tokens.size());
    for (CompletableFuture<String> t : tokens) {
      out.add(t.join());
    }
    return out;
  }

  /** Creates a room owned by the user of {@code owner}, with these other members. */
  public static CompletableFuture<JsonNode> createRoom(
      Connection owner, String roomId, List<String> members) {
    return callAsync(
        owner,
        ApiSubjects.ROOM_CREATE,
        new CreateRoomRequest(roomId, null, null, "private", members));
  }

  /**
   * A few more admin users, chosen so that their requests land on different worker stripes (the
   * server picks a stripe by {@code hash(user) mod 8}).
   */
  private void addHelperAdmins() throws Exception {
    if (admins.size() > 1) {
      return;
    }
    List<Integer> stripes = new ArrayList<>(List.of(stripe("admin")));
    Connection first = admins.get(0);
    for (int n = 1; admins.size() < ADMINS && n < 100; n++) {
      String id = "bench-admin-" + n;
      if (stripes.contains(stripe(id))) {
        continue;
      }
      call(first, ApiSubjects.ADMIN_USER_ADD, new CreateUserRequest(id, null, null, null, true));
      String token =
          call(first, ApiSubjects.ADMIN_TOKEN_CREATE, new TokenCreateRequest(id, "bench", null))
              .get("token")
              .asText();
      admins.add(env.userConnection(id, token));
      stripes.add(stripe(id));
    }
  }

  private static int stripe(String user) {
    return Math.floorMod(user.hashCode(), 8);
  }

  @Override
  public void close() {
    for (Connection c : admins) {
      try {
        c.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
