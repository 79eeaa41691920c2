package io.gaimace.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.api.ApiSubjects;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Creates users through the admin API on any NATS setup (single node, cluster, child servers). */
final class TestAdmin {
  private TestAdmin() {}

  /** Creates the user and returns a fresh token for it. */
  static String user(List<String> urls, String adminToken, String user) throws Exception {
    try (Connection admin =
        Nats.connect(
            new Options.Builder()
                .servers(urls.toArray(String[]::new))
                .token(adminToken.toCharArray())
                .inboxPrefix("_INBOX_admin")
                .build())) {
      request(admin, ApiSubjects.ADMIN_USER_ADD, Map.of("user_id", user));
      return request(admin, ApiSubjects.ADMIN_TOKEN_CREATE, Map.of("user_id", user))
          .get("token")
          .asText();
    }
  }

  private static JsonNode request(Connection c, String op, Object body) throws Exception {
    byte[] reply =
        c.request(
                ApiSubjects.of(op),
                ProtocolCodec.mapper().writeValueAsBytes(body),
                Duration.ofSeconds(10))
            .getData();
    JsonNode json = ProtocolCodec.mapper().readTree(reply);
    if ("error".equals(json.path("type").asText())) {
      throw new AssertionError(op + " refused: " + json);
    }
    return json;
  }
}
