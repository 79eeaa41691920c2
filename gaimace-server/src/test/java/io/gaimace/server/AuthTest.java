package io.gaimace.server;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.api.ApiSubjects;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {
  static GaimaceFixture env;

  @BeforeAll
  static void start() throws Exception {
    env = GaimaceFixture.start();
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  @Test
  void validTokenConnectsAsItsUser() throws Exception {
    String token = env.user("alice");
    Connection c = env.connectAs("alice", token);
    JsonNode me = ok(call(c, ApiSubjects.WHOAMI, Map.of()));
    assertThat(me.get("user_id").asText()).isEqualTo("alice");
    assertThat(me.get("admin").asBoolean()).isFalse();
  }

  @Test
  void wrongTokenIsRefusedAtConnect() {
    assertThatThrownBy(() -> env.connect("gmc_alice.forged-secret"))
        .hasMessageContaining("Authorization Violation");
    assertThatThrownBy(() -> env.connect("gmc_not-a-real-token"))
        .hasMessageContaining("Authorization Violation");
    assertThatThrownBy(() -> env.connect("nonsense"))
        .hasMessageContaining("Authorization Violation");
  }

  @Test
  void revokedTokenIsRefusedAndLiveConnectionsAreClosed() throws Exception {
    String token = env.user("carol");
    Connection c = env.connectAs("carol", token);
    await().until(() -> presenceOf("carol").equals("online"));
    JsonNode tokens =
        ok(call(env.admin(), ApiSubjects.ADMIN_TOKEN_LIST, Map.of("user_id", "carol")));
    String tokenId = tokens.get("tokens").get(0).get("token_id").asText();
    ok(call(env.admin(), ApiSubjects.ADMIN_TOKEN_REVOKE, Map.of("token_id", tokenId)));
    await().atMost(Duration.ofSeconds(5)).until(() -> c.getStatus() != Connection.Status.CONNECTED);
    assertThatThrownBy(() -> env.connect(token)).hasMessageContaining("Authorization Violation");
  }

  @Test
  void expiredTokenIsRefused() throws Exception {
    env.user("dave");
    String token =
        ok(call(
                env.admin(),
                ApiSubjects.ADMIN_TOKEN_CREATE,
                Map.of("user_id", "dave", "ttl_seconds", 1)))
            .get("token")
            .asText();
    env.connectAs("dave", token).close();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThatThrownBy(() -> env.connect(token))
                    .hasMessageContaining("Authorization Violation"));
  }

  @Test
  void tokensAreStoredOnlyAsHashes() throws Exception {
    String token = env.user("erin");
    Connection sys = env.admin();
    JsonNode list = ok(call(sys, ApiSubjects.ADMIN_TOKEN_LIST, Map.of("user_id", "erin")));
    assertThat(list.toString()).doesNotContain(token);
    assertThat(token).startsWith("gmc_erin.").hasSizeGreaterThanOrEqualTo(9 + 32);
  }

  @Test
  void theServersOwnNamesAreReserved() throws Exception {
    JsonNode reply =
        call(env.admin(), ApiSubjects.ADMIN_USER_ADD, Map.of("user_id", "gaimace-chat"));
    assertThat(reply.get("code").asText()).isEqualTo("invalid_request");
  }

  @Test
  void adminApiNeedsTheAdminRole() throws Exception {
    String token = env.user("frank");
    Connection c = env.connectAs("frank", token);
    JsonNode reply = call(c, ApiSubjects.ADMIN_USER_ADD, Map.of("user_id", "mallory"));
    assertThat(reply.get("type").asText()).isEqualTo("error");
    assertThat(reply.get("code").asText()).isEqualTo("forbidden");
  }

  @Test
  void removedUserIsCutOffAndRefused() throws Exception {
    String token = env.user("gina");
    Connection c = env.connectAs("gina", token);
    await().until(() -> presenceOf("gina").equals("online"));
    ok(call(env.admin(), ApiSubjects.ADMIN_USER_REMOVE, Map.of("user_id", "gina")));
    await().atMost(Duration.ofSeconds(5)).until(() -> c.getStatus() != Connection.Status.CONNECTED);
    assertThatThrownBy(() -> env.connect(token)).hasMessageContaining("Authorization Violation");
  }

  private static String presenceOf(String user) throws Exception {
    JsonNode list =
        ok(call(env.admin(), ApiSubjects.PRESENCE, Map.of("user_ids", java.util.List.of(user))));
    return list.get("users").get(0).get("status").asText();
  }
}
