package io.gaimace.server;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.ReadReceipt;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.server.config.Limits;
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

/** The send path, delivery on the protocol's subjects, history, receipts and unread counts. */
class MessagingTest {
  static GaimaceFixture env;
  static Connection ann;
  static Connection ben;
  static Connection cid;

  @BeforeAll
  static void start() throws Exception {
    env = GaimaceFixture.start(b -> b.limits(new Limits(1024, 100, 500, 1000, 1000)));
    ann = env.connectAs("ann", env.user("ann"));
    ben = env.connectAs("ben", env.user("ben"));
    cid = env.connectAs("cid", env.user("cid"));
    ok(call(ann, ApiSubjects.ROOM_CREATE, Map.of("room_id", "team", "members", List.of("ben"))));
    ben.forceReconnect(); // ann created the room: she and ben were told to re-authorize
    ann.forceReconnect();
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  private static JsonNode send(Connection c, Map<String, Object> body) throws Exception {
    return call(c, ApiSubjects.SEND, body);
  }

  @Test
  void aSentMessageIsStampedStoredAndDeliveredInTheProtocolFormat() throws Exception {
    Subscription sub = ben.subscribe("chat.room.team");
    ben.flush(Duration.ofSeconds(2));
    JsonNode ack =
        ok(send(ann, Map.of("dialogue_id", "team", "content", "Hello 👋🏽 team", "sender", "ben")));
    Message m = nextChat(sub);
    ChatMessage msg = ProtocolCodec.decode(m.getData(), ChatMessage.class);
    assertThat(msg.sender()).isEqualTo("ann"); // the forged "sender" field is ignored
    assertThat(msg.dialogueId()).isEqualTo("team");
    assertThat(msg.content()).isEqualTo("Hello 👋🏽 team");
    assertThat(msg.id()).isEqualTo(ack.get("id").asText());
    assertThat(msg.timestamp()).isNotNull();
    assertThat(m.getHeaders().getFirst("Nats-Sequence")).isEqualTo(ack.get("seq").asText());
    assertThat(new String(m.getData())).contains("\"type\":\"message\"");
    sub.unsubscribe();
  }

  @Test
  void directMessagesHaveOneDialoguePerPair() throws Exception {
    JsonNode a = ok(send(ann, Map.of("recipient", "cid", "content", "hi cid")));
    JsonNode b = ok(send(cid, Map.of("recipient", "ann", "content", "hi ann")));
    JsonNode c = ok(send(cid, Map.of("dialogue_id", "ann+cid", "content", "again")));
    assertThat(a.get("dialogue_id").asText()).isEqualTo("ann+cid");
    assertThat(b.get("dialogue_id").asText()).isEqualTo("ann+cid");
    assertThat(List.of(a.get("pos").asLong(), b.get("pos").asLong(), c.get("pos").asLong()))
        .containsExactly(1L, 2L, 3L);
    JsonNode page = ok(call(ann, ApiSubjects.HISTORY, Map.of("dialogue_id", "ann+cid")));
    assertThat(page.get("messages")).hasSize(3);
    assertThat(page.get("messages").get(0).get("recipient").asText()).isEqualTo("cid");
    JsonNode refused = call(ben, ApiSubjects.HISTORY, Map.of("dialogue_id", "ann+cid"));
    assertThat(refused.get("code").asText()).isEqualTo("not_member");
  }

  @Test
  void aClientIdMakesResendsIdempotent() throws Exception {
    Map<String, Object> body =
        Map.of("dialogue_id", "team", "content", "once", "client_id", "c-42");
    JsonNode first = ok(send(ann, body));
    JsonNode again = ok(send(ann, body));
    assertThat(first.get("duplicate").asBoolean()).isFalse();
    assertThat(again.get("duplicate").asBoolean()).isTrue();
    assertThat(again.get("seq").asLong()).isEqualTo(first.get("seq").asLong());
    assertThat(again.get("id").asText()).isEqualTo(first.get("id").asText());
  }

  @Test
  void invalidSendsAreRefusedWithCodesAndStoreNothing() throws Exception {
    long before = lastSeq("team");
    assertThat(send(cid, Map.of("dialogue_id", "team", "content", "x")).get("code").asText())
        .isEqualTo("not_member");
    assertThat(
            send(ann, Map.of("dialogue_id", "team", "content", "x".repeat(1025)))
                .get("code")
                .asText())
        .isEqualTo("too_large");
    assertThat(send(ann, Map.of("dialogue_id", "team", "content", "   ")).get("code").asText())
        .isEqualTo("invalid_message");
    assertThat(send(ann, Map.of("dialogue_id", "team")).get("code").asText())
        .isEqualTo("invalid_message");
    assertThat(send(ann, Map.of("dialogue_id", "team", "content", 42)).get("code").asText())
        .isEqualTo("invalid_request");
    assertThat(send(ann, Map.of("dialogue_id", "te.am", "content", "x")).get("code").asText())
        .isEqualTo("invalid_request");
    assertThat(send(ann, Map.of("dialogue_id", "nosuchroom", "content", "x")).get("code").asText())
        .isEqualTo("not_member");
    assertThat(send(ann, Map.of("recipient", "ghost", "content", "x")).get("code").asText())
        .isEqualTo("not_found");
    Message raw =
        ann.request(
            ApiSubjects.of(ApiSubjects.SEND), "{not json".getBytes(), Duration.ofSeconds(5));
    JsonNode error = ProtocolCodec.mapper().readTree(raw.getData());
    assertThat(error.get("type").asText()).isEqualTo("error");
    assertThat(error.get("code").asText()).isEqualTo("invalid_request");
    assertThat(error.get("message").asText()).isNotBlank();
    assertThat(lastSeq("team")).isEqualTo(before);
  }

  @Test
  void historyPagesBackwardsAndRecoversForwards() throws Exception {
    ok(call(ann, ApiSubjects.ROOM_CREATE, Map.of("room_id", "log", "members", List.of("ben"))));
    ann.forceReconnect();
    List<Long> seqs = new ArrayList<>();
    for (int i = 1; i <= 150; i++) {
      seqs.add(ok(send(ann, Map.of("dialogue_id", "log", "content", "m" + i))).get("seq").asLong());
      if (i % 10 == 0) {
        ok(send(ben, Map.of("recipient", "cid", "content", "noise " + i))); // other dialogue
      }
    }
    JsonNode newest = ok(call(ben, ApiSubjects.HISTORY, Map.of("dialogue_id", "log", "limit", 50)));
    assertThat(contents(newest)).containsExactlyElementsOf(range(101, 150));
    assertThat(newest.get("more").asBoolean()).isTrue();
    long oldestSeq = newest.get("messages").get(0).get("seq").asLong();
    JsonNode older =
        ok(
            call(
                ben,
                ApiSubjects.HISTORY,
                Map.of("dialogue_id", "log", "before", oldestSeq, "limit", 50)));
    assertThat(contents(older)).containsExactlyElementsOf(range(51, 100));
    JsonNode oldest =
        ok(
            call(
                ben,
                ApiSubjects.HISTORY,
                Map.of(
                    "dialogue_id",
                    "log",
                    "before",
                    older.get("messages").get(0).get("seq").asLong(),
                    "limit",
                    80)));
    assertThat(contents(oldest)).containsExactlyElementsOf(range(1, 50));
    assertThat(oldest.get("more").asBoolean()).isFalse();
    JsonNode capped =
        ok(call(ben, ApiSubjects.HISTORY, Map.of("dialogue_id", "log", "limit", 10_000)));
    assertThat(capped.get("messages")).hasSize(100);
    JsonNode recovered =
        ok(call(ben, ApiSubjects.HISTORY, Map.of("dialogue_id", "log", "after", seqs.get(139))));
    assertThat(contents(recovered)).containsExactlyElementsOf(range(141, 150));
    assertThat(recovered.get("more").asBoolean()).isFalse();
    JsonNode none =
        ok(call(ben, ApiSubjects.HISTORY, Map.of("dialogue_id", "log", "after", seqs.get(149))));
    assertThat(none.get("messages")).isEmpty();
  }

  @Test
  void readReceiptsAreSharedAndUnreadCountsFollow() throws Exception {
    ok(call(ann, ApiSubjects.ROOM_CREATE, Map.of("room_id", "news", "members", List.of("ben"))));
    ann.forceReconnect();
    ben.forceReconnect();
    long last = 0;
    for (int i = 0; i < 3; i++) {
      last = ok(send(ann, Map.of("dialogue_id", "news", "content", "n" + i))).get("seq").asLong();
    }
    assertThat(unread(ben, "news")).isEqualTo(3);
    assertThat(unread(ann, "news")).isZero(); // her own messages
    Subscription sub = ann.subscribe("chat.room.news");
    ann.flush(Duration.ofSeconds(2));
    ok(call(ben, ApiSubjects.READ, Map.of("dialogue_id", "news", "seq", last)));
    Message m = sub.nextMessage(Duration.ofSeconds(3));
    ReadReceipt receipt = ProtocolCodec.decode(m.getData(), ReadReceipt.class);
    assertThat(receipt.userId()).isEqualTo("ben");
    assertThat(receipt.dialogueId()).isEqualTo("news");
    assertThat(receipt.seq()).isEqualTo(last);
    assertThat(unread(ben, "news")).isZero();
    assertThat(
            call(cid, ApiSubjects.READ, Map.of("dialogue_id", "news", "seq", last))
                .get("code")
                .asText())
        .isEqualTo("not_member");
    sub.unsubscribe();
  }

  private static long unread(Connection c, String dialogue) throws Exception {
    for (JsonNode d : ok(call(c, ApiSubjects.DIALOGUES, Map.of())).get("dialogues")) {
      if (d.get("dialogue_id").asText().equals(dialogue)) {
        return d.get("unread").asLong();
      }
    }
    throw new AssertionError("no dialogue " + dialogue);
  }

  private static long lastSeq(String dialogue) throws Exception {
    JsonNode page = ok(call(ann, ApiSubjects.HISTORY, Map.of("dialogue_id", dialogue, "limit", 1)));
    return page.get("messages").isEmpty() ? 0 : page.get("messages").get(0).get("seq").asLong();
  }

  private static Message nextChat(Subscription sub) throws InterruptedException {
    while (true) {
      Message m = sub.nextMessage(Duration.ofSeconds(3));
      assertThat(m).isNotNull();
      if (new String(m.getData()).contains("\"type\":\"message\"")) {
        return m;
      }
    }
  }

  private static List<String> contents(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("messages").forEach(m -> out.add(m.get("content").asText()));
    return out;
  }

  private static List<String> range(int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add("m" + i);
    }
    return out;
  }
}
