package io.gaimace.cli.chat;

import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.RoomInfo;
import io.gaimace.protocol.api.SendAck;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.server.GaimaceFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Replies, edits, deletions, reactions and threads in the chat, on a real NATS. */
@Timeout(120)
class RichChatSessionTest {
  static final Duration WAIT = Duration.ofSeconds(30);
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
  void replyReactEditDeleteAndThreadByReference() throws Exception {
    env.user("ria");
    env.user("rob");
    GaimaceFixture.ok(
        GaimaceFixture.call(
            env.admin(),
            ApiSubjects.ROOM_CREATE,
            new CreateRoomRequest("deck", "Deck", null, RoomInfo.PUBLIC, List.of("ria", "rob"))));
    try (GaimaceClient rob = HeadlessChat.connect(env, "rob");
        HeadlessChat ria = HeadlessChat.start(env, "ria")) {
      ria.view().await(WAIT, "── #deck · Deck ──");
      SendAck first = rob.blocking(WAIT).send("deck", "helo all");
      ria.view().await(WAIT, "rob: helo all");

      ria.type("/react :thumbsup:");
      ria.view().await(WAIT, "ria reacted 👍 to ^1");
      rob.blocking(WAIT).edit("deck", first.id(), "hello all");
      ria.view().await(WAIT, "✎ rob edited ^1: hello all");

      ria.type("/reply hi rob");
      ria.view().await(WAIT, "ria ↪ rob: hi rob");
      ria.type("/edit hi Rob");
      ria.view().await(WAIT, "✎ ria edited ^1: hi Rob");
      ria.type("/thread ^2");
      ria.view()
          .await(
              WAIT,
              "── thread ──",
              "rob: hello all (edited)  👍 1",
              "ria ↪ rob: hi Rob (edited)",
              "── end of thread ──");

      ria.type("/edit ^2 not mine");
      ria.view().await(WAIT, "only the author can edit a message");
      ria.type("/delete");
      ria.view().await(WAIT, "✗ ria deleted ^1");
      ria.type("/react ^9 👍");
      ria.view().await(WAIT, "^9 is not a message shown here");
    }
  }
}
