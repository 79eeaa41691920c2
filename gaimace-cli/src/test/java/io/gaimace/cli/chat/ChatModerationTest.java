package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.sdk.GaimaceException;
import io.gaimace.server.GaimaceFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mention notices, {@code /search}, {@code /mute}, {@code /unmute} and {@code /role} in the chat.
 */
@Timeout(120)
class ChatModerationTest {
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
  void aModeratorSeesMentionsSearchesAndMutes() throws Exception {
    env.user("eve");
    env.user("fay");
    for (String room : List.of("forum", "side")) {
      GaimaceFixture.ok(
          GaimaceFixture.call(
              env.admin(),
              ApiSubjects.ROOM_CREATE,
              Map.of("room_id", room, "members", List.of("eve", "fay"))));
    }
    GaimaceFixture.ok(
        GaimaceFixture.call(
            env.admin(),
            ApiSubjects.ROOM_ROLE,
            Map.of("room_id", "forum", "user_id", "eve", "role", "moderator")));
    try (GaimaceClient fay = HeadlessChat.connect(env, "fay");
        HeadlessChat eve = HeadlessChat.start(env, "eve")) {
      eve.type("/open forum");
      eve.view().await(WAIT, "── #forum ──");

      fay.blocking(WAIT).send("side", "@eve look at this plan");
      eve.view().await(WAIT, "• #side: fay mentioned you: @eve look at this plan · /open #side");

      eve.type("/search PLAN");
      eve.view()
          .await(
              WAIT, "Messages containing \"PLAN\", newest first:", "fay: @eve look at this plan");

      eve.type("/mute @fay 30m");
      eve.view().await(WAIT, "You muted fay in #forum for PT30M.");
      assertThatThrownBy(() -> fay.blocking(WAIT).send("forum", "let me speak"))
          .isInstanceOfSatisfying(
              GaimaceException.class, e -> assertThat(e.code()).isEqualTo("muted"));
      eve.type("/who");
      eve.view().await(WAIT, "fay @fay · online · muted");
      eve.type("/unmute fay");
      eve.view().await(WAIT, "fay may post in #forum again.");
      fay.blocking(WAIT).send("forum", "thank you");
      eve.view().await(WAIT, "fay: thank you");

      eve.type("/role fay moderator");
      eve.view().await(WAIT, "! only the room's owner may change roles [forbidden]");
    }
  }
}
