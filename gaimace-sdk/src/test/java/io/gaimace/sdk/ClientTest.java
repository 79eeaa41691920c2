package io.gaimace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.PresenceStatus;
import io.gaimace.protocol.TypingStatus;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.DialogueSummary;
import io.gaimace.protocol.api.HistoryPage;
import io.gaimace.protocol.api.ProfileUpdate;
import io.gaimace.protocol.api.SendAck;
import io.gaimace.server.GaimaceFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SDK against a real NATS and a real Gaimace server. */
@org.junit.jupiter.api.Timeout(90)
class ClientTest {
  static final Duration WAIT = Duration.ofSeconds(5);
  static GaimaceFixture env;

  @BeforeAll
  static void start() throws Exception {
    env = GaimaceFixture.start();
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  static GaimaceClient connect(String userId) throws Exception {
    return Gaimace.connect(
        ClientOptions.builder(env.user(userId)).server(env.nats().clientUrl()).build());
  }

  @Test
  void twoUsersChatInARoomWithTypingReceiptsAndPresence() throws Exception {
    try (GaimaceClient ada = connect("ada");
        GaimaceClient bo = connect("bo")) {
      Recorder adaSees = new Recorder();
      Recorder boSees = new Recorder();
      ada.addListener(adaSees);
      bo.addListener(boSees);
      ada.blocking(WAIT)
          .createRoom(new CreateRoomRequest("garden", "The Garden", null, "public", null));
      bo.blocking(WAIT).joinRoom("garden");

      bo.typing("garden");
      assertThat(Recorder.next(adaSees.typing, t -> t.userId().equals("bo"), WAIT).status())
          .isEqualTo(TypingStatus.TYPING);
      SendAck ack = bo.send("garden", "Hello Ada 🌻").get();
      ChatMessage got = Recorder.next(adaSees.messages, m -> true, WAIT);
      assertThat(got.content()).isEqualTo("Hello Ada 🌻");
      assertThat(got.sender()).isEqualTo("bo");
      assertThat(got.seq()).isEqualTo(ack.seq());
      bo.stopTyping("garden");
      assertThat(Recorder.next(adaSees.typing, t -> t.userId().equals("bo"), WAIT).status())
          .isEqualTo(TypingStatus.STOPPED);

      assertThat(unread(ada, "garden")).isEqualTo(1);
      ada.markRead("garden", got.seq()).get();
      assertThat(Recorder.next(boSees.reads, r -> r.userId().equals("ada"), WAIT).seq())
          .isEqualTo(got.seq());
      assertThat(unread(ada, "garden")).isZero();

      ada.setStatus(PresenceStatus.AWAY);
      assertThat(
              Recorder.next(
                  boSees.presence,
                  p -> p.userId().equals("ada") && p.status() == PresenceStatus.AWAY,
                  WAIT))
          .isNotNull();
      ada.updateProfile(new ProfileUpdate("Ada L.", null, null)).get();
      assertThat(Recorder.next(boSees.profiles, p -> p.userId().equals("ada"), WAIT).name())
          .isEqualTo("Ada L.");
    }
  }

  @Test
  void directMessagesHistoryAndDirectory() throws Exception {
    try (GaimaceClient cy = connect("cy");
        GaimaceClient di = connect("di")) {
      Recorder diSees = new Recorder();
      di.addListener(diSees);
      for (int i = 1; i <= 5; i++) {
        cy.sendDirect("di", "dm " + i).get();
      }
      List<ChatMessage> got = Recorder.take(diSees.messages, 5, WAIT);
      assertThat(got)
          .extracting(ChatMessage::content)
          .containsExactly("dm 1", "dm 2", "dm 3", "dm 4", "dm 5");
      HistoryPage page = di.history(di.directDialogueId("cy"), null, 3).get();
      assertThat(page.messages())
          .extracting(ChatMessage::content)
          .containsExactly("dm 3", "dm 4", "dm 5");
      assertThat(di.directory("cy").get()).extracting(p -> p.userId()).contains("cy");
    }
  }

  @Test
  void refusalsAreTypedExceptions() throws Exception {
    try (GaimaceClient ed = connect("ed")) {
      assertThatThrownBy(() -> ed.blocking(WAIT).send("nowhere", "hi"))
          .isInstanceOfSatisfying(
              GaimaceException.class, e -> assertThat(e.code()).isEqualTo("not_member"));
      assertThatThrownBy(() -> ed.blocking(WAIT).joinRoom("Bad Id"))
          .isInstanceOfSatisfying(
              GaimaceException.class, e -> assertThat(e.code()).isEqualTo("invalid_request"));
    }
    assertThatThrownBy(
            () ->
                Gaimace.connect(
                    ClientOptions.builder("gmc_ed.wrong")
                        .server(env.nats().clientUrl())
                        .connectTimeout(Duration.ofSeconds(1))
                        .build()))
        .isInstanceOfSatisfying(
            GaimaceException.class, e -> assertThat(e.code()).isEqualTo("unauthorized"));
  }

  @Test
  void anInvitationTakesEffectWithoutTheApplicationDoingAnything() throws Exception {
    try (GaimaceClient fay = connect("fay");
        GaimaceClient gus = connect("gus")) {
      Recorder gusSees = new Recorder();
      gus.addListener(gusSees);
      fay.blocking(WAIT).createRoom(new CreateRoomRequest("den", null, null, null, null));
      fay.invite("den", "gus").get();
      assertThat(Recorder.next(gusSees.membership, s -> true, WAIT)).isEqualTo("den:added");
      fay.send("den", "psst").get();
      assertThat(Recorder.next(gusSees.messages, m -> m.dialogueId().equals("den"), WAIT).content())
          .isEqualTo("psst");
    }
  }

  private static long unread(GaimaceClient c, String dialogue) {
    return c.blocking(WAIT).dialogues().stream()
        .filter(d -> d.dialogueId().equals(dialogue))
        .mapToLong(DialogueSummary::unread)
        .findFirst()
        .orElseThrow();
  }
}
