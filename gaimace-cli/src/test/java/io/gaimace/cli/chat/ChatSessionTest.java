package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.PresenceStatus;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.RoomInfo;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.server.GaimaceFixture;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chat's commands and events against a real NATS and Gaimace server, shown in a {@link
 * RecordingView} instead of a terminal. Each test has users and rooms of its own.
 */
@Timeout(120)
class ChatSessionTest {
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
  void opensTheFirstRoomWithRecentHistoryAndPagesBackWithMore() throws Exception {
    room("square", "Town Square", "ann", "ben");
    try (GaimaceClient ben = connect("ben")) {
      for (int i = 1; i <= 35; i++) {
        ben.blocking(WAIT).send("square", "m" + i);
      }
      try (HeadlessChat ann = HeadlessChat.start(env, "ann")) {
        ann.view()
            .await(WAIT, "Gaimace chat · you are ann (@ann)", "#square  Town Square  35 unread");
        ann.view()
            .await(WAIT, "── #square · Town Square ──", "(older messages: /more)", "ben: m35");
        assertThat(ann.view().transcript()).contains("ben: m6\n").doesNotContain("ben: m5\n");
        Awaitility.await()
            .atMost(WAIT)
            .untilAsserted(
                () ->
                    assertThat(ann.view().status())
                        .startsWith("● connected │ #square │ ")
                        .contains(" online"));
        assertThat(ann.view().prompt()).isEqualTo("#square › ");

        ann.type("/more");
        ann.view()
            .await(WAIT, "── earlier in #square ──", "ben: m1\n", "ben: m5\n", "(the beginning)");
        ann.type("/history");
        ann.view().await(WAIT, "that is the beginning of #square");
      }
    }
  }

  @Test
  void roomCommandsWhoCreateInviteLeaveOpenAndDirectMessages() throws Exception {
    room("hall", "Hall", "cat", "dan");
    try (GaimaceClient dan = connect("dan");
        HeadlessChat cat = HeadlessChat.start(env, "cat")) {
      Inbox danSees = new Inbox();
      dan.addListener(danSees);
      cat.view().await(WAIT, "── #hall · Hall ──", "no messages yet");

      cat.type("/who");
      cat.view().await(WAIT, "In #hall:", "● cat @cat · online", "● dan @dan · online");

      cat.type("/create den");
      cat.view()
          .await(WAIT, "You created the private room #den; /invite people to it.", "── #den ──");
      cat.type("/invite @dan");
      cat.view().await(WAIT, "You added dan to #den.");
      assertThat(Inbox.next(danSees.membership, r -> r.startsWith("den:"), WAIT))
          .isEqualTo("den:added");

      cat.type("psst :eyes:");
      assertThat(Inbox.next(danSees.messages, m -> m.dialogueId().equals("den"), WAIT).content())
          .isEqualTo("psst 👀");

      cat.type("/leave");
      cat.view().await(WAIT, "You left #den.");
      Awaitility.await().atMost(WAIT).until(() -> cat.chat().currentDialogue(), "hall"::equals);

      cat.type("/dm dan see you :wave:");
      assertThat(
              Inbox.next(danSees.messages, m -> m.dialogueId().equals("cat+dan"), WAIT).content())
          .isEqualTo("see you 👋");
      cat.view().await(WAIT, "• @dan: you: see you 👋 · /open @dan");

      cat.type("/open @dan");
      cat.view().await(WAIT, "── @dan ──", "cat: see you 👋");
      assertThat(cat.chat().currentDialogue()).isEqualTo("cat+dan");

      cat.type("/rooms");
      cat.view().await(WAIT, "› @dan");

      cat.type("/leave");
      cat.view().await(WAIT, "! a direct dialogue cannot be left; /open another one");
    }
  }

  @Test
  void refusalsAndMistakesAreOneRedLineEach() throws Exception {
    roomWithVisibility("vault", "Vault", RoomInfo.PRIVATE, "eve");
    room("annex", "Annex", "fay");
    try (HeadlessChat fay = HeadlessChat.start(env, "fay")) {
      fay.view().await(WAIT, "── #annex · Annex ──");
      fay.type("/open vault");
      fay.view().await(WAIT, "! you are not a member of room 'vault' [not_member]");
      fay.type("/join vault");
      fay.view().await(WAIT, "[forbidden]");
      fay.type("/open @nobody");
      fay.view().await(WAIT, "! no user 'nobody' [not_found]");
      fay.type("/frobnicate");
      fay.view().await(WAIT, "! unknown command /frobnicate; /help lists them");
      fay.type("/join Not.An.Id");
      fay.view().await(WAIT, "! 'Not.An.Id' is not a valid room id");
      fay.type("/help");
      fay.view().await(WAIT, "/open ROOM | @USER", "/quit");
      assertThat(fay.view().transcript()).doesNotContain("Exception", "\tat ");
      assertThat(fay.chat().currentDialogue()).isEqualTo("annex");
    }
  }

  @Test
  void othersDialoguesNoticePresenceTypingAndStatus() throws Exception {
    room("patio", "Patio", "gil", "hal", "ida");
    try (GaimaceClient hal = connect("hal");
        HeadlessChat gil = HeadlessChat.start(env, "gil")) {
      gil.view().await(WAIT, "── #patio · Patio ──");
      gil.type("/open @hal");
      gil.view().await(WAIT, "── @hal ──");

      hal.blocking(WAIT).send("patio", "anyone here?");
      hal.blocking(WAIT).send("patio", "hello?");
      gil.view().await(WAIT, "• #patio: new message from hal (2 unread) · /open #patio");
      assertThat(gil.view().transcript()).doesNotContain("anyone here?");

      hal.typing("gil+hal");
      Awaitility.await()
          .atMost(WAIT)
          .untilAsserted(() -> assertThat(gil.view().status()).endsWith("│ hal is typing…"));
      hal.blocking(WAIT).sendDirect("gil", "found you");
      gil.view().await(WAIT, "hal: found you");
      Awaitility.await()
          .atMost(WAIT)
          .untilAsserted(() -> assertThat(gil.view().status()).doesNotContain("typing"));

      gil.type("/open patio");
      gil.view().await(WAIT, "hal: anyone here?", "hal: hello?");
      try (GaimaceClient ida = connect("ida")) {
        gil.view().await(WAIT, "ida is online");
        ida.setStatus(PresenceStatus.AWAY);
        gil.view().await(WAIT, "ida is away");
      }
      gil.view().await(WAIT, "ida is offline");

      gil.type("/status away");
      gil.view().await(WAIT, "You are away.");
      gil.type("/me");
      gil.view().await(WAIT, "You are gil (@gil), away.");
    }
  }

  /** The admin creates a public room with these members. */
  private static void room(String id, String name, String... members) throws Exception {
    roomWithVisibility(id, name, RoomInfo.PUBLIC, members);
  }

  private static void roomWithVisibility(
      String id, String name, String visibility, String... members) throws Exception {
    for (String m : members) {
      env.user(m);
    }
    GaimaceFixture.ok(
        GaimaceFixture.call(
            env.admin(),
            ApiSubjects.ROOM_CREATE,
            new CreateRoomRequest(id, name, null, visibility, List.of(members))));
  }

  private static GaimaceClient connect(String user) throws Exception {
    return HeadlessChat.connect(env, user);
  }
}
