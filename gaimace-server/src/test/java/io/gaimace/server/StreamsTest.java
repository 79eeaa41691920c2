package io.gaimace.server;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.StreamEvent;
import io.gaimace.protocol.api.ApiSubjects;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reply streams through the API: who may write, cancel and read them, and what is stored. */
class StreamsTest {
  static GaimaceFixture env;
  static Connection bot;
  static Connection bot2;
  static Connection ann;
  static Connection out;

  @BeforeAll
  static void start() throws Exception {
    env = GaimaceFixture.start();
    bot = env.connectAs("bot", env.user("bot", "agent"));
    bot2 = env.connectAs("bot2", env.user("bot2", "agent"));
    ann = env.connectAs("ann", env.user("ann"));
    out = env.connectAs("out", env.user("out"));
    ok(
        call(
            ann,
            ApiSubjects.ROOM_CREATE,
            Map.of("room_id", "den", "members", List.of("bot", "bot2"))));
    for (Connection c : List.of(ann, bot, bot2)) {
      c.forceReconnect();
    }
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  private static String open(Connection c) throws Exception {
    return ok(call(c, ApiSubjects.STREAM_START, Map.of("dialogue_id", "den")))
        .get("stream_id")
        .asText();
  }

  private static String code(JsonNode reply) {
    assertThat(reply.path("type").asText()).as(reply.toString()).isEqualTo("error");
    return reply.get("code").asText();
  }

  @Test
  void aStreamGrowsLiveAndEndsAsOneStoredMessage() throws Exception {
    Subscription sub = ann.subscribe("chat.room.den");
    ann.flush(Duration.ofSeconds(2));
    JsonNode started =
        ok(
            call(
                bot,
                ApiSubjects.STREAM_START,
                Map.of("dialogue_id", "den", "agent", Map.of("hops", 2))));
    String id = started.get("stream_id").asText();
    ok(call(bot, ApiSubjects.STREAM_APPEND, Map.of("stream_id", id, "delta", "Hel")));
    JsonNode appended =
        ok(call(bot, ApiSubjects.STREAM_APPEND, Map.of("stream_id", id, "delta", "lo 🌻")));
    assertThat(appended.get("seq").asLong()).isEqualTo(2);
    JsonNode ack = ok(call(bot, ApiSubjects.STREAM_END, Map.of("stream_id", id)));
    JsonNode again = ok(call(bot, ApiSubjects.STREAM_END, Map.of("stream_id", id)));
    assertThat(again.get("id").asText()).isEqualTo(ack.get("id").asText());
    assertThat(again.get("duplicate").asBoolean()).isTrue();

    List<StreamEvent> events = new ArrayList<>();
    ChatMessage stored = null;
    while (stored == null || events.size() < 4) {
      Message m = sub.nextMessage(Duration.ofSeconds(5));
      assertThat(m).as("more on chat.room.den").isNotNull();
      String json = new String(m.getData(), java.nio.charset.StandardCharsets.UTF_8);
      if (json.startsWith("{\"type\":\"stream\"")) {
        events.add(ProtocolCodec.mapper().readValue(m.getData(), StreamEvent.class));
      } else if (json.startsWith("{\"type\":\"message\"")) {
        stored = ProtocolCodec.decode(m.getData(), ChatMessage.class);
      }
    }
    assertThat(events)
        .extracting(StreamEvent::state)
        .containsExactly("open", "open", "open", "done");
    assertThat(events.get(1).delta()).isEqualTo("Hel");
    assertThat(events.get(3).text()).isEqualTo("Hello 🌻");
    assertThat(events.get(3).messageId()).isEqualTo(ack.get("id").asText());
    assertThat(stored.content()).isEqualTo("Hello 🌻");
    assertThat(stored.sender()).isEqualTo("bot");
    assertThat(stored.agent().streamId()).isEqualTo(id);
    assertThat(stored.agent().hops()).isEqualTo(2);
    sub.unsubscribe();
  }

  @Test
  void onlyTheSenderWritesAndOnlyTheSenderOrAHumanMemberCancels() throws Exception {
    String id = open(bot);
    assertThat(code(call(ann, ApiSubjects.STREAM_APPEND, Map.of("stream_id", id, "delta", "x"))))
        .isEqualTo("forbidden");
    assertThat(code(call(ann, ApiSubjects.STREAM_END, Map.of("stream_id", id))))
        .isEqualTo("forbidden");
    assertThat(code(call(bot2, ApiSubjects.STREAM_CANCEL, Map.of("stream_id", id))))
        .isEqualTo("forbidden");
    assertThat(code(call(out, ApiSubjects.STREAM_CANCEL, Map.of("stream_id", id))))
        .isEqualTo("not_member");
    assertThat(code(call(out, ApiSubjects.STREAM_LIST, Map.of("dialogue_id", "den"))))
        .isEqualTo("not_member");
    ok(call(bot, ApiSubjects.STREAM_APPEND, Map.of("stream_id", id, "delta", "partial")));
    JsonNode list = ok(call(ann, ApiSubjects.STREAM_LIST, Map.of("dialogue_id", "den")));
    assertThat(list.get("streams").findValuesAsText("text")).contains("partial");

    ok(call(ann, ApiSubjects.STREAM_CANCEL, Map.of("stream_id", id)));
    assertThat(code(call(bot, ApiSubjects.STREAM_APPEND, Map.of("stream_id", id, "delta", "y"))))
        .isEqualTo("conflict");
    assertThat(code(call(bot, ApiSubjects.STREAM_END, Map.of("stream_id", id))))
        .isEqualTo("conflict");
    JsonNode after = ok(call(ann, ApiSubjects.STREAM_LIST, Map.of("dialogue_id", "den")));
    assertThat(after.get("streams").findValuesAsText("stream_id")).doesNotContain(id);
    JsonNode history = ok(call(ann, ApiSubjects.HISTORY, Map.of("dialogue_id", "den")));
    assertThat(history.get("messages").findValuesAsText("content")).doesNotContain("partial");
  }

  @Test
  void badRequestsAreRefusedClearly() throws Exception {
    assertThat(code(call(out, ApiSubjects.STREAM_START, Map.of("dialogue_id", "den"))))
        .isEqualTo("not_member");
    assertThat(
            code(call(bot, ApiSubjects.STREAM_APPEND, Map.of("stream_id", "nope", "delta", "x"))))
        .isEqualTo("not_found");
    assertThat(code(call(bot, ApiSubjects.STREAM_APPEND, Map.of("stream_id", "A.B", "delta", "x"))))
        .isEqualTo("invalid_request");
    String id = open(bot);
    assertThat(code(call(bot, ApiSubjects.STREAM_APPEND, Map.of("stream_id", id, "delta", ""))))
        .isEqualTo("invalid_request");
    assertThat(code(call(bot, ApiSubjects.STREAM_END, Map.of("stream_id", id))))
        .isEqualTo("invalid_message"); // empty: cancelled instead of storing nothing
    assertThat(
            code(
                call(
                    bot,
                    ApiSubjects.SEND,
                    Map.of("dialogue_id", "den", "content", "x", "agent", Map.of("hops", 99)))))
        .isEqualTo("invalid_request");
  }

  @Test
  void aClientCannotClaimAStreamIdWhenSending() throws Exception {
    JsonNode ack =
        ok(
            call(
                bot,
                ApiSubjects.SEND,
                Map.of(
                    "dialogue_id",
                    "den",
                    "content",
                    "plain",
                    "agent",
                    Map.of("stream_id", "forged", "hops", 1))));
    JsonNode history =
        ok(call(ann, ApiSubjects.HISTORY, Map.of("dialogue_id", "den", "limit", 100)));
    JsonNode mine = null;
    for (JsonNode m : history.get("messages")) {
      if (m.get("id").asText().equals(ack.get("id").asText())) {
        mine = m;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("agent").has("stream_id")).isFalse();
    assertThat(mine.get("agent").get("hops").asInt()).isEqualTo(1);
  }
}
