package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.TypingStatus;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.RoomInfo;
import io.gaimace.protocol.api.SendAck;
import io.gaimace.sdk.ClientOptions;
import io.gaimace.sdk.Gaimace;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.server.GaimaceFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gaimace chat} as a user sees it: the real command in a real terminal (tmux), against a
 * real NATS and Gaimace server, with bob on the other side as an SDK client.
 */
@Timeout(240)
class ChatTerminalTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final Duration EXIT_WAIT = Duration.ofSeconds(60);

  @TempDir static Path dir;
  static GaimaceFixture env;

  @BeforeAll
  static void start() throws Exception {
    Tmux.requireInstalled();
    env = GaimaceFixture.start();
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void aliceChatsWithBobInATerminal() throws Exception {
    Path aliceToken = Files.writeString(dir.resolve("alice.token"), env.user("alice") + "\n");
    String bobToken = env.user("bob");
    // The room exists before bob's client starts: the admin makes it, so no client has to
    // re-authorize for it while the test talks.
    GaimaceFixture.ok(
        GaimaceFixture.call(
            env.admin(),
            ApiSubjects.ROOM_CREATE,
            new CreateRoomRequest(
                "garden", "The Garden", null, RoomInfo.PUBLIC, List.of("alice", "bob"))));
    Inbox bobSees = new Inbox();
    try (GaimaceClient bob = connect(bobToken)) {
      bob.addListener(bobSees);
      bob.blocking(WAIT).send("garden", "welcome to the garden");
      try (Tmux tmux = Tmux.start(dir, ChatTerminalScripts.chat(dir, env, aliceToken))) {
        talk(bob, bobSees, tmux);
      }
    }
  }

  private void talk(GaimaceClient bob, Inbox bobSees, Tmux tmux) throws Exception {
    String start =
        tmux.await(
            WAIT,
            s ->
                assertThat(s)
                    .contains("Gaimace chat", "you are alice", "Your rooms and direct messages")
                    .contains("#garden", "The Garden")
                    .containsPattern("\\d\\d:\\d\\d bob: welcome to the garden")
                    .contains("● connected")
                    .containsPattern("│ #garden │ \\d online"));
    assertThat(start).contains("── Today ──");

    tmux.enter("hello :wave:");
    assertThat(Inbox.next(bobSees.typing, t -> t.userId().equals("alice"), WAIT).status())
        .as("alice typed")
        .isEqualTo(TypingStatus.TYPING);
    assertThat(Inbox.next(bobSees.typing, t -> t.userId().equals("alice"), WAIT).status())
        .as("alice sent the line")
        .isEqualTo(TypingStatus.STOPPED);
    ChatMessage hello = Inbox.next(bobSees.messages, m -> m.sender().equals("alice"), WAIT);
    assertThat(hello.content()).isEqualTo("hello 👋");
    assertThat(hello.dialogueId()).isEqualTo("garden");
    tmux.await(WAIT, s -> assertThat(s).containsPattern("\\d\\d:\\d\\d alice: hello 👋"));

    bob.blocking(WAIT).markRead("garden", hello.seq());
    tmux.await(WAIT, s -> assertThat(s).contains("✓ seen by bob"));

    SendAck ack = bob.blocking(WAIT).send("garden", "hi alice, nice to see you");
    tmux.await(WAIT, s -> assertThat(s).containsPattern("\\d\\d:\\d\\d bob: hi alice, nice"));
    assertThat(
            Inbox.next(
                    bobSees.reads,
                    r -> r.userId().equals("alice") && r.seq() != null && r.seq() >= ack.seq(),
                    WAIT)
                .dialogueId())
        .as("alice's client marks what it shows as read")
        .isEqualTo("garden");

    bob.typing("garden");
    tmux.await(WAIT, s -> assertThat(s).contains("bob is typing…"));
    bob.stopTyping("garden");
    tmux.await(WAIT, s -> assertThat(s).doesNotContain("bob is typing"));

    tmux.type("typing something");
    assertThat(Inbox.next(bobSees.typing, t -> t.userId().equals("alice"), WAIT).status())
        .isEqualTo(TypingStatus.TYPING);
    tmux.press("C-u");
    assertThat(Inbox.next(bobSees.typing, t -> t.userId().equals("alice"), WAIT).status())
        .as("clearing the line stops typing")
        .isEqualTo(TypingStatus.STOPPED);

    tmux.enter("/open @bob");
    tmux.await(WAIT, s -> assertThat(s).contains("── @bob ──", "no messages yet"));
    bob.blocking(WAIT).sendDirect("alice", "psst, just us");
    tmux.await(WAIT, s -> assertThat(s).contains("bob: psst, just us"));
    bob.blocking(WAIT).send("garden", "anyone?");
    tmux.await(WAIT, s -> assertThat(s).contains("#garden: new message from bob (1 unread)"));

    tmux.enter("/frobnicate");
    tmux.await(WAIT, s -> assertThat(s).contains("! unknown command /frobnicate; /help"));

    tmux.enter("/quit");
    tmux.await(EXIT_WAIT, screen -> assertThat(screen).contains("gaimace chat exited with 0"));
  }

  private static GaimaceClient connect(String token) {
    return Gaimace.connect(ClientOptions.builder(token).server(env.nats().clientUrl()).build());
  }
}
