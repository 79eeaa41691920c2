package io.gaimace.server;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.Profile;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.UserKind;
import io.gaimace.protocol.api.ApiSubjects;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Profiles, the user directory, and the health and metrics endpoint. */
class DirectoryTest {
  static GaimaceFixture env;

  @BeforeAll
  static void start() throws Exception {
    env = GaimaceFixture.start(b -> b.httpPort(0));
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  @Test
  void profileChangesAreStoredAndAnnounced() throws Exception {
    Connection tia = env.connectAs("tia", env.user("tia"));
    Connection uma = env.connectAs("uma", env.user("uma"));
    Subscription sub = uma.subscribe("profile.tia");
    uma.flush(Duration.ofSeconds(2));
    ok(
        call(
            tia,
            ApiSubjects.PROFILE_SET,
            Map.of(
                "name",
                "Tia Ng",
                "avatar",
                "https://example.com/tia.png",
                "description",
                "ops lead")));
    Message m = sub.nextMessage(Duration.ofSeconds(3));
    Profile p = ProtocolCodec.decode(m.getData(), Profile.class);
    assertThat(p.name()).isEqualTo("Tia Ng");
    assertThat(p.avatar()).isEqualTo("https://example.com/tia.png");
    JsonNode got = ok(call(uma, ApiSubjects.PROFILE_GET, Map.of("user_id", "tia")));
    assertThat(got.get("type").asText()).isEqualTo("profile");
    assertThat(got.get("name").asText()).isEqualTo("Tia Ng");
    assertThat(got.get("kind").asText()).isEqualTo("human");
    assertThat(
            call(tia, ApiSubjects.PROFILE_SET, Map.of("avatar", "javascript:alert(1)"))
                .get("code")
                .asText())
        .isEqualTo("invalid_request");
    assertThat(call(uma, ApiSubjects.PROFILE_GET, Map.of("user_id", "nobody")).get("code").asText())
        .isEqualTo("not_found");
  }

  @Test
  void theDirectoryFindsUsersByNameAndKind() throws Exception {
    env.user("vic");
    env.user("sage-bot", "agent");
    Connection vic = env.connectAs("vic", env.token("vic"));
    assertThat(ids(ok(call(vic, ApiSubjects.DIRECTORY, Map.of("query", "SAGE")))))
        .containsExactly("sage-bot");
    assertThat(ids(ok(call(vic, ApiSubjects.DIRECTORY, Map.of("kind", "agent")))))
        .containsExactly("sage-bot");
    assertThat(ids(ok(call(vic, ApiSubjects.DIRECTORY, Map.of()))))
        .contains("admin", "vic", "sage-bot");
    assertThat(call(vic, ApiSubjects.DIRECTORY, Map.of("kind", "robot")).get("code").asText())
        .isEqualTo("invalid_request");
    JsonNode agent = ok(call(vic, ApiSubjects.PROFILE_GET, Map.of("user_id", "sage-bot")));
    assertThat(ProtocolCodec.decode(agent.toString().getBytes(), Profile.class).kind())
        .isEqualTo(UserKind.AGENT);
  }

  @Test
  void healthAndMetricsAreServedOverHttp() throws Exception {
    Connection w = env.connectAs("wes", env.user("wes"));
    call(w, ApiSubjects.ROOM_JOIN, Map.of("room_id", "missing"));
    HttpClient http = HttpClient.newHttpClient();
    int port = env.server().httpPort();
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    HttpResponse<String> metrics =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.body())
        .contains("gaimace_requests_total{operation=\"room.join\"}")
        .contains("gaimace_refusals_total{code=\"not_found\"}")
        .contains("gaimace_auth_total{result=\"allowed\"}")
        .contains("gaimace_history_seconds_count")
        .contains("gaimace_users_online");
  }

  private static List<String> ids(JsonNode dir) {
    List<String> out = new ArrayList<>();
    dir.get("users").forEach(u -> out.add(u.get("user_id").asText()));
    return out;
  }
}
