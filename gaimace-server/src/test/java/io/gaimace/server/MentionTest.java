package io.gaimace.server;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** {@code @user} mentions: recognised on send, announced to the user, counted until read. */
class MentionTest {
  static GaimaceFixture env;
  static Connection ann;
  static Connection ben;
  static Connection cid;
  static Connection dan;

  @BeforeAll
  static void start() throws Exception {
    env = GaimaceFixture.start();
    ann = env.connectAs("ann", env.user("ann"));
    ben = env.connectAs("ben", env.user("ben"));
    cid = env.connectAs("cid", env.user("cid"));
    dan = env.connectAs("dan", env.user("dan"));
    ok(
        call(
            ann,
            ApiSubjects.ROOM_CREATE,
            Map.of("room_id", "team", "members", List.of("ben", "cid"))));
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  @Test
  void aMentionedMemberIsToldOnItsUserSubjectWithoutWatchingTheRoom() throws Exception {
    Subscription events = ben.subscribe("gaimace.user.ben"); // ben does not watch chat.room.team
    ben.flush(Duration.ofSeconds(2));
    JsonNode ack =
        ok(
            call(
                ann,
                ApiSubjects.SEND,
                Map.of(
                    "dialogue_id",
                    "team",
                    "content",
                    "@ben look, and @dan and @ann too; mail ben@example.com")));
    JsonNode event = nextMention(events);
    assertThat(event.get("dialogue_id").asText()).isEqualTo("team");
    assertThat(event.get("message_id").asText()).isEqualTo(ack.get("id").asText());
    assertThat(event.get("by").asText()).isEqualTo("ann");
    assertThat(event.get("seq").asLong()).isEqualTo(ack.get("seq").asLong());
    assertThat(event.get("content").asText()).startsWith("@ben look");
    JsonNode stored = lastMessage(ann, "team");
    // dan is not a member and ann does not mention herself: only ben is recorded.
    assertThat(texts(stored.get("mentions"))).containsExactly("ben");
    events.unsubscribe();
  }

  @Test
  void aMentionOfANonMemberIsNeitherRecordedNorAnnounced() throws Exception {
    Subscription events = dan.subscribe("gaimace.user.dan");
    dan.flush(Duration.ofSeconds(2));
    ok(call(ann, ApiSubjects.SEND, Map.of("dialogue_id", "team", "content", "hey @dan")));
    assertThat(lastMessage(ann, "team").has("mentions")).isFalse();
    // A later mention in a dialogue dan belongs to arrives; nothing came before it.
    ok(call(ann, ApiSubjects.SEND, Map.of("recipient", "dan", "content", "@dan @ben psst")));
    JsonNode event = nextMention(events);
    assertThat(event.get("dialogue_id").asText()).isEqualTo("ann+dan");
    assertThat(texts(lastMessage(ann, "ann+dan").get("mentions"))).containsExactly("dan");
    events.unsubscribe();
  }

  @Test
  void unreadMentionsCountUpAndClearWhenReadPassesThem() throws Exception {
    ok(call(ann, ApiSubjects.ROOM_CREATE, Map.of("room_id", "desk", "members", List.of("cid"))));
    assertThat(unreadMentions(cid, "desk")).isZero();
    long first =
        ok(call(ann, ApiSubjects.SEND, Map.of("dialogue_id", "desk", "content", "@cid one")))
            .get("seq")
            .asLong();
    ok(call(ann, ApiSubjects.SEND, Map.of("dialogue_id", "desk", "content", "no mention")));
    long third =
        ok(call(ann, ApiSubjects.SEND, Map.of("dialogue_id", "desk", "content", "(@cid) two")))
            .get("seq")
            .asLong();
    assertThat(unreadMentions(cid, "desk")).isEqualTo(2);
    assertThat(unreadMentions(ann, "desk")).isZero();
    ok(call(cid, ApiSubjects.READ, Map.of("dialogue_id", "desk", "seq", first)));
    assertThat(unreadMentions(cid, "desk")).isEqualTo(1);
    ok(call(cid, ApiSubjects.READ, Map.of("dialogue_id", "desk", "seq", third)));
    assertThat(unreadMentions(cid, "desk")).isZero();
    // Mentioning oneself is not a mention.
    ok(call(cid, ApiSubjects.SEND, Map.of("dialogue_id", "desk", "content", "note to @cid")));
    assertThat(lastMessage(cid, "desk").has("mentions")).isFalse();
    assertThat(unreadMentions(cid, "desk")).isZero();
  }

  private static long unreadMentions(Connection c, String dialogue) throws Exception {
    for (JsonNode d : ok(call(c, ApiSubjects.DIALOGUES, Map.of())).get("dialogues")) {
      if (d.get("dialogue_id").asText().equals(dialogue)) {
        return d.get("unread_mentions").asLong();
      }
    }
    throw new AssertionError("no dialogue " + dialogue);
  }

  private static JsonNode lastMessage(Connection c, String dialogue) throws Exception {
    JsonNode page =
        ok(call(c, ApiSubjects.HISTORY, Map.of("dialogue_id", dialogue, "limit", 1)))
            .get("messages");
    return page.get(page.size() - 1);
  }

  private static JsonNode nextMention(Subscription events) throws Exception {
    while (true) {
      Message m = events.nextMessage(Duration.ofSeconds(3));
      assertThat(m).as("a mention event").isNotNull();
      JsonNode node = io.gaimace.protocol.ProtocolCodec.mapper().readTree(m.getData());
      if ("mention".equals(node.path("type").asText())) {
        return node;
      }
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
