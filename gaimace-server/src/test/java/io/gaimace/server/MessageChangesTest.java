package io.gaimace.server;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.GaimaceMessage;
import io.gaimace.protocol.MessageDelete;
import io.gaimace.protocol.MessageEdit;
import io.gaimace.protocol.MessageReaction;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.Member;
import io.gaimace.server.nats.Accounts;
import io.gaimace.server.nats.StoreSetup;
import io.gaimace.server.rooms.Membership;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Edits, deletions, reactions, replies and threads against a real NATS: live delivery of the log
 * entries, history showing the current state, and who may do what.
 */
class MessageChangesTest {
  static GaimaceFixture env;
  static Connection ann; // creates the room: its owner
  static Connection ben;
  static Connection cid;
  static Connection dan; // not a member

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
            Map.of("room_id", "crew", "members", List.of("ben", "cid"))));
    ben.forceReconnect();
    cid.forceReconnect();
    ann.forceReconnect();
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  private static String send(Connection c, String content) throws Exception {
    return ok(call(c, ApiSubjects.SEND, Map.of("dialogue_id", "crew", "content", content)))
        .get("id")
        .asText();
  }

  private static JsonNode change(Connection c, String op, String id, Object... more)
      throws Exception {
    Map<String, Object> body = new HashMap<>(Map.of("dialogue_id", "crew", "message_id", id));
    for (int i = 0; i < more.length; i += 2) {
      body.put((String) more[i], more[i + 1]);
    }
    return call(c, op, body);
  }

  private static JsonNode history(Connection c, Map<String, Object> extra) throws Exception {
    Map<String, Object> body = new HashMap<>(Map.of("dialogue_id", "crew"));
    body.putAll(extra);
    return ok(call(c, ApiSubjects.HISTORY, body));
  }

  private static JsonNode find(JsonNode page, String id) {
    for (JsonNode m : page.get("messages")) {
      if (m.get("id").asText().equals(id)) {
        return m;
      }
    }
    throw new AssertionError("message " + id + " not in " + page);
  }

  /** The next stored entry on the subscription that is not a chat message or receipt. */
  private static GaimaceMessage nextEvent(Subscription sub) throws InterruptedException {
    while (true) {
      Message m = sub.nextMessage(Duration.ofSeconds(3));
      assertThat(m).as("a live change").isNotNull();
      GaimaceMessage g = ProtocolCodec.decode(m.getData());
      if (g instanceof MessageEdit || g instanceof MessageDelete || g instanceof MessageReaction) {
        assertThat(m.getHeaders().getFirst("Nats-Sequence")).isNotNull();
        return g;
      }
    }
  }

  @Test
  void anEditReachesMembersLiveAndHistoryShowsTheLatestText() throws Exception {
    Subscription sub = ben.subscribe("chat.room.crew");
    ben.flush(Duration.ofSeconds(2));
    String id = send(ann, "helo wrld");
    JsonNode reply = ok(change(ann, ApiSubjects.MESSAGE_EDIT, id, "content", "hello world"));
    assertThat(reply.get("content").asText()).isEqualTo("hello world");
    assertThat(reply.get("edited_at")).isNotNull();

    MessageEdit live = (MessageEdit) nextEvent(sub);
    assertThat(live.messageId()).isEqualTo(id);
    assertThat(live.sender()).isEqualTo("ann");
    assertThat(live.content()).isEqualTo("hello world");
    sub.unsubscribe();

    JsonNode shown = find(history(cid, Map.of()), id);
    assertThat(shown.get("content").asText()).isEqualTo("hello world");
    assertThat(shown.get("edited_at").asText()).isNotEmpty();
    long seq = shown.get("seq").asLong();
    JsonNode recovered = history(cid, Map.of("after", seq - 1));
    assertThat(recovered.get("events"))
        .anySatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("edit"));
  }

  @Test
  void aDeletionReachesMembersAndNoTextSurvivesInHistory() throws Exception {
    Subscription sub = cid.subscribe("chat.room.crew");
    cid.flush(Duration.ofSeconds(2));
    String id = send(ben, "my password is hunter2");
    ok(change(ben, ApiSubjects.MESSAGE_EDIT, id, "content", "my password is swordfish"));
    ok(change(ann, ApiSubjects.MESSAGE_REACT, id, "emoji", "😮"));
    JsonNode reply = ok(change(ben, ApiSubjects.MESSAGE_DELETE, id));
    assertThat(reply.get("deleted").asBoolean()).isTrue();
    assertThat(reply.get("content").asText()).isEmpty();

    assertThat(nextEvent(sub)).isInstanceOf(MessageEdit.class);
    assertThat(nextEvent(sub)).isInstanceOf(MessageReaction.class);
    MessageDelete live = (MessageDelete) nextEvent(sub);
    assertThat(live.messageId()).isEqualTo(id);
    assertThat(live.sender()).isEqualTo("ben");
    sub.unsubscribe();

    for (Connection reader : List.of(ben, cid)) { // the author too
      JsonNode page = history(reader, Map.of());
      JsonNode shown = find(page, id);
      assertThat(shown.get("deleted").asBoolean()).isTrue();
      assertThat(shown.get("content").asText()).isEmpty();
      assertThat(shown.has("reactions")).isFalse();
      JsonNode recovered = history(reader, Map.of("after", shown.get("seq").asLong() - 1));
      assertThat(recovered.toString()).doesNotContain("hunter2").doesNotContain("swordfish");
      assertThat(page.toString()).doesNotContain("hunter2").doesNotContain("swordfish");
    }
    assertThat(change(ben, ApiSubjects.MESSAGE_EDIT, id, "content", "back").get("code").asText())
        .isEqualTo("not_found");
    assertThat(change(cid, ApiSubjects.MESSAGE_REACT, id, "emoji", "👍").get("code").asText())
        .isEqualTo("not_found");
  }

  @Test
  void onlyTheAuthorEditsAndOnlyTheAuthorOrAModeratorDeletes() throws Exception {
    String anns = send(ann, "from the owner");
    String bens = send(ben, "from a member");
    assertThat(change(ben, ApiSubjects.MESSAGE_EDIT, anns, "content", "x").get("code").asText())
        .isEqualTo("forbidden");
    assertThat(change(ben, ApiSubjects.MESSAGE_DELETE, anns).get("code").asText())
        .isEqualTo("forbidden");
    assertThat(change(ann, ApiSubjects.MESSAGE_EDIT, bens, "content", "x").get("code").asText())
        .as("a moderator removes, but does not rewrite")
        .isEqualTo("forbidden");
    assertThat(ok(change(ann, ApiSubjects.MESSAGE_DELETE, bens)).get("deleted").asBoolean())
        .as("the owner moderates the room")
        .isTrue();
    assertThat(find(history(ann, Map.of()), anns).get("content").asText())
        .isEqualTo("from the owner");
  }

  @Test
  void aRoomModeratorDeletesOthersMessagesButDoesNotEditThem() throws Exception {
    String bens = send(ben, "moderate me");
    assertThat(change(cid, ApiSubjects.MESSAGE_DELETE, bens).get("code").asText())
        .isEqualTo("forbidden");
    try (Connection store =
        Nats.connect(
            new Options.Builder()
                .server(env.nats().clientUrl())
                .userInfo(Accounts.SERVICE_USER_CHAT, env.secrets().servicePassword())
                .build())) {
      // No operation grants the role yet: write it where the membership store keeps it.
      StoreSetup.bucket(store, StoreSetup.MEMBERS, Membership.class)
          .put("room.crew.cid", new Membership("crew", "cid", Member.MODERATOR, Instant.now()));
    }
    assertThat(change(cid, ApiSubjects.MESSAGE_EDIT, bens, "content", "x").get("code").asText())
        .isEqualTo("forbidden");
    assertThat(ok(change(cid, ApiSubjects.MESSAGE_DELETE, bens)).get("deleted").asBoolean())
        .isTrue();
  }

  @Test
  void inADirectDialogueEachDeletesOnlyTheirOwnAndOthersCannotTouchIt() throws Exception {
    String id =
        ok(call(cid, ApiSubjects.SEND, Map.of("recipient", "dan", "content", "just us")))
            .get("id")
            .asText();
    Map<String, Object> target = Map.of("dialogue_id", "cid+dan", "message_id", id);
    assertThat(call(dan, ApiSubjects.MESSAGE_DELETE, target).get("code").asText())
        .isEqualTo("forbidden");
    assertThat(call(ann, ApiSubjects.MESSAGE_DELETE, target).get("code").asText())
        .isEqualTo("not_member");
    Map<String, Object> react = new HashMap<>(target);
    react.put("emoji", "🤝");
    assertThat(ok(call(dan, ApiSubjects.MESSAGE_REACT, react)).get("reactions").get(0).get("users"))
        .hasSize(1);
    assertThat(ok(call(cid, ApiSubjects.MESSAGE_DELETE, target)).get("deleted").asBoolean())
        .isTrue();
  }

  @Test
  void nonMembersCanNeitherReactNorEditNorDelete() throws Exception {
    String id = send(ann, "members only");
    assertThat(change(dan, ApiSubjects.MESSAGE_REACT, id, "emoji", "👍").get("code").asText())
        .isEqualTo("not_member");
    assertThat(change(dan, ApiSubjects.MESSAGE_EDIT, id, "content", "x").get("code").asText())
        .isEqualTo("not_member");
    assertThat(change(dan, ApiSubjects.MESSAGE_DELETE, id).get("code").asText())
        .isEqualTo("not_member");
    assertThat(find(history(ann, Map.of()), id).has("reactions")).isFalse();
  }

  @Test
  void reactionsCountUsersOncePerEmojiAndCanBeRemoved() throws Exception {
    String id = send(ann, "lunch?");
    ok(change(ben, ApiSubjects.MESSAGE_REACT, id, "emoji", "👍"));
    ok(change(cid, ApiSubjects.MESSAGE_REACT, id, "emoji", ":thumbsup:", "action", "add"));
    long before = lastSeq();
    JsonNode again = ok(change(ben, ApiSubjects.MESSAGE_REACT, id, "emoji", "👍"));
    assertThat(lastSeq()).as("adding twice logs nothing").isEqualTo(before);
    assertThat(again.get("reactions")).hasSize(1);
    assertThat(again.get("reactions").get(0).get("emoji").asText()).isEqualTo("👍");
    assertThat(again.get("reactions").get(0).get("users").toString())
        .isEqualTo("[\"ben\",\"cid\"]");
    ok(change(ann, ApiSubjects.MESSAGE_REACT, id, "emoji", "👩🏽‍💻"));

    ok(change(ben, ApiSubjects.MESSAGE_REACT, id, "emoji", "👍", "action", "remove"));
    JsonNode shown = find(history(ann, Map.of()), id);
    assertThat(shown.get("reactions")).hasSize(2);
    assertThat(shown.get("reactions").get(0).get("users").toString()).isEqualTo("[\"cid\"]");
    assertThat(shown.get("reactions").get(1).get("emoji").asText()).isEqualTo("👩🏽‍💻");

    for (String bad : List.of("hello", "👍👍", "", ":no_such_code_here:", "a👍")) {
      assertThat(change(ben, ApiSubjects.MESSAGE_REACT, id, "emoji", bad).get("code").asText())
          .as("emoji %s", bad)
          .isEqualTo("invalid_request");
    }
    assertThat(
            change(ben, ApiSubjects.MESSAGE_REACT, id, "emoji", "👍", "action", "toggle")
                .get("code")
                .asText())
        .isEqualTo("invalid_request");
    assertThat(
            change(ben, ApiSubjects.MESSAGE_REACT, "no-such-id", "emoji", "👍")
                .get("code")
                .asText())
        .isEqualTo("not_found");
  }

  @Test
  void repliesFormThreadsThatHistoryReturnsInOrder() throws Exception {
    String root = send(ann, "where do we meet?");
    send(ben, "unrelated chatter");
    JsonNode r1 =
        ok(
            call(
                ben,
                ApiSubjects.SEND,
                Map.of("dialogue_id", "crew", "content", "the cafe", "reply_to", root)));
    JsonNode r2 =
        ok(
            call(
                cid,
                ApiSubjects.SEND,
                Map.of(
                    "dialogue_id",
                    "crew",
                    "content",
                    "which one?",
                    "reply_to",
                    r1.get("id").asText())));
    JsonNode stored = find(history(ann, Map.of()), r2.get("id").asText());
    assertThat(stored.get("reply_to").asText()).isEqualTo(r1.get("id").asText());
    assertThat(stored.get("thread_id").asText()).isEqualTo(root);

    JsonNode thread = history(ann, Map.of("thread", root));
    List<String> texts = new ArrayList<>();
    thread.get("messages").forEach(m -> texts.add(m.get("content").asText()));
    assertThat(texts).containsExactly("where do we meet?", "the cafe", "which one?");
    assertThat(thread.get("more").asBoolean()).isFalse();
    JsonNode tail = history(ann, Map.of("thread", root, "after", r1.get("seq").asLong()));
    assertThat(tail.get("messages")).hasSize(1);
    JsonNode first = history(ann, Map.of("thread", r2.get("id").asText(), "limit", 1));
    assertThat(first.get("messages")).hasSize(2); // the first message and one reply
    assertThat(first.get("more").asBoolean()).isTrue();

    assertThat(
            call(
                    ben,
                    ApiSubjects.SEND,
                    Map.of("dialogue_id", "crew", "content", "?", "reply_to", "no-such-message"))
                .get("code")
                .asText())
        .isEqualTo("not_found");
    String elsewhere =
        ok(call(ann, ApiSubjects.SEND, Map.of("recipient", "ben", "content", "psst")))
            .get("id")
            .asText();
    assertThat(
            call(
                    ben,
                    ApiSubjects.SEND,
                    Map.of("dialogue_id", "crew", "content", "?", "reply_to", elsewhere))
                .get("code")
                .asText())
        .as("a reply stays in the dialogue of what it answers")
        .isEqualTo("not_found");
    assertThat(
            call(dan, ApiSubjects.HISTORY, Map.of("dialogue_id", "crew", "thread", root))
                .get("code")
                .asText())
        .isEqualTo("not_member");
  }

  @Test
  void historyPagesCountMessagesNotTheChangesBetweenThem() throws Exception {
    String first = send(ann, "page one");
    for (String e : List.of("👍", "🎉", "🚀", "👀", "🔥")) {
      ok(change(ben, ApiSubjects.MESSAGE_REACT, first, "emoji", e));
    }
    send(ann, "page two");
    JsonNode page = history(cid, Map.of("limit", 2));
    List<String> texts = new ArrayList<>();
    page.get("messages").forEach(m -> texts.add(m.get("content").asText()));
    assertThat(texts).containsExactly("page one", "page two");
    assertThat(page.get("messages").get(0).get("reactions")).hasSize(5);
  }

  private static long lastSeq() throws Exception {
    JsonNode page = history(ann, Map.of("limit", 1));
    JsonNode recovered =
        history(ann, Map.of("after", page.get("messages").get(0).get("seq").asLong()));
    long last = page.get("messages").get(0).get("seq").asLong();
    for (JsonNode e : recovered.get("events")) {
      last = Math.max(last, e.get("seq").asLong());
    }
    return last;
  }
}
