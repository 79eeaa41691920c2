package io.gaimace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.MessageDelete;
import io.gaimace.protocol.MessageEdit;
import io.gaimace.protocol.MessageEvent;
import io.gaimace.protocol.MessageReaction;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.HistoryPage;
import io.gaimace.protocol.api.SendAck;
import io.gaimace.server.GaimaceFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Emoji, edits, deletions, reactions, replies and threads through the SDK, on a real NATS. */
@org.junit.jupiter.api.Timeout(120)
class RichMessagesTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  static GaimaceFixture env;

  @BeforeAll
  static void start() throws Exception {
    env = GaimaceFixture.start();
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  static GaimaceClient connect(String userId, String url) throws Exception {
    return Gaimace.connect(ClientOptions.builder(env.user(userId)).server(url).build());
  }

  @Test
  void anyUnicodeSurvivesTheWholePathByteExact() throws Exception {
    List<String> texts =
        List.of(
            "surrogate pairs: 😀 𝄞 𠜎 🀄",
            "skin tones: 👍🏻 👍🏼 👍🏽 👍🏾 👍🏿 🧑🏿‍🦱",
            "ZWJ families: 👨‍👩‍👧‍👦 👩‍❤️‍💋‍👨 🏳️‍🌈 🧑‍🤝‍🧑 👩🏽‍💻",
            "flags: 🇯🇵 🇧🇷 🇺🇦 🏴󠁧󠁢󠁳󠁣󠁴󠁿",
            "combining: e\u0301 a\u0308 Z\u0351\u0347\u0330 ñ n\u0303 क्षि",
            "keycaps and variation: 1️⃣ #️⃣ ❤️ ❤ ☺︎ ©️",
            "mixed scripts: שלום مرحبا こんにちは 你好 Ελληνικά");
    try (GaimaceClient ada = connect("emo-ada", env.nats().clientUrl());
        GaimaceClient bo = connect("emo-bo", env.nats().clientUrl())) {
      Recorder boSees = new Recorder();
      bo.addListener(boSees);
      ada.blocking(WAIT).createRoom(new CreateRoomRequest("emoji", null, null, "public", null));
      bo.blocking(WAIT).joinRoom("emoji");
      for (String t : texts) {
        ada.send("emoji", t).get();
      }
      List<ChatMessage> live = Recorder.take(boSees.messages, texts.size(), WAIT);
      HistoryPage page = bo.blocking(WAIT).history("emoji", null, 50);
      for (int i = 0; i < texts.size(); i++) {
        byte[] sent = texts.get(i).getBytes(StandardCharsets.UTF_8);
        assertThat(live.get(i).content().getBytes(StandardCharsets.UTF_8)).isEqualTo(sent);
        assertThat(page.messages().get(i).content().getBytes(StandardCharsets.UTF_8))
            .isEqualTo(sent);
      }
      String family = "👨‍👩‍👧‍👦";
      ChatMessage reacted = ada.blocking(WAIT).react("emoji", page.messages().get(2).id(), family);
      assertThat(reacted.reactions().get(0).emoji().getBytes(StandardCharsets.UTF_8))
          .isEqualTo(family.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void editsDeletionsAndReactionsReachOtherMembersLive() throws Exception {
    try (GaimaceClient ada = connect("liv-ada", env.nats().clientUrl());
        GaimaceClient bo = connect("liv-bo", env.nats().clientUrl())) {
      Recorder boSees = new Recorder();
      bo.addListener(boSees);
      ada.blocking(WAIT).createRoom(new CreateRoomRequest("live", null, null, "public", null));
      bo.blocking(WAIT).joinRoom("live");
      SendAck ack = ada.send("live", "teh plan").get();
      Recorder.next(boSees.messages, m -> true, WAIT);

      ChatMessage edited = ada.blocking(WAIT).edit("live", ack.id(), "the plan");
      assertThat(edited.content()).isEqualTo("the plan");
      MessageEdit edit = (MessageEdit) Recorder.next(boSees.changes, e -> true, WAIT);
      assertThat(edit.content()).isEqualTo("the plan");
      assertThat(edit.messageId()).isEqualTo(ack.id());

      bo.blocking(WAIT).react("live", ack.id(), ":tada:");
      MessageReaction r = (MessageReaction) Recorder.next(boSees.changes, e -> true, WAIT);
      assertThat(r.emoji()).isEqualTo("🎉");
      assertThat(r.sender()).isEqualTo("liv-bo");
      assertThat(r.added()).isTrue();
      ChatMessage now = bo.blocking(WAIT).unreact("live", ack.id(), "🎉");
      assertThat(now.reactions()).isNull();
      assertThat(((MessageReaction) Recorder.next(boSees.changes, e -> true, WAIT)).added())
          .isFalse();

      assertThatThrownBy(() -> bo.blocking(WAIT).edit("live", ack.id(), "mine now"))
          .isInstanceOfSatisfying(
              GaimaceException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
      assertThatThrownBy(() -> bo.blocking(WAIT).react("live", ack.id(), "not an emoji"))
          .isInstanceOfSatisfying(
              GaimaceException.class, e -> assertThat(e.code()).isEqualTo("invalid_request"));

      ada.blocking(WAIT).delete("live", ack.id());
      MessageDelete d = (MessageDelete) Recorder.next(boSees.changes, e -> true, WAIT);
      assertThat(d.messageId()).isEqualTo(ack.id());
      ChatMessage shown = bo.blocking(WAIT).history("live", null, 10).messages().get(0);
      assertThat(shown.deleted()).isTrue();
      assertThat(shown.content()).isEmpty();
    }
  }

  @Test
  void repliesAndThreads() throws Exception {
    try (GaimaceClient ada = connect("thr-ada", env.nats().clientUrl());
        GaimaceClient bo = connect("thr-bo", env.nats().clientUrl())) {
      Recorder adaSees = new Recorder();
      ada.addListener(adaSees);
      ada.blocking(WAIT).createRoom(new CreateRoomRequest("threads", null, null, "public", null));
      bo.blocking(WAIT).joinRoom("threads");
      SendAck root = ada.send("threads", "ideas for the launch?").get();
      bo.send("threads", "off topic").get();
      SendAck r1 = bo.reply("threads", root.id(), "balloons").get();
      ada.reply("threads", r1.id(), "no balloons").get();
      ChatMessage liveReply =
          Recorder.next(adaSees.messages, m -> m.content().equals("balloons"), WAIT);
      assertThat(liveReply.replyTo()).isEqualTo(root.id());
      assertThat(liveReply.threadId()).isEqualTo(root.id());
      HistoryPage thread = bo.blocking(WAIT).thread("threads", root.id(), 50);
      assertThat(thread.messages())
          .extracting(ChatMessage::content)
          .containsExactly("ideas for the launch?", "balloons", "no balloons");
      assertThatThrownBy(() -> bo.blocking(WAIT).reply("threads", "nope", "?"))
          .isInstanceOfSatisfying(
              GaimaceException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    }
  }

  @Test
  void aClientCutOffDuringChangesReceivesThemAfterReconnectingOnceInOrder() throws Exception {
    try (TcpCut relay = new TcpCut(env.nats().clientPort());
        GaimaceClient ada = connect("rec-ada", env.nats().clientUrl());
        GaimaceClient bo = connect("rec-bo", relay.url())) {
      Recorder boSees = new Recorder();
      bo.addListener(boSees);
      ada.blocking(WAIT).createRoom(new CreateRoomRequest("recover", null, null, "public", null));
      bo.blocking(WAIT).joinRoom("recover");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ids.add(ada.send("recover", "m" + i).get().id());
      }
      Recorder.take(boSees.messages, 3, WAIT);

      relay.cut();
      Awaitility.await().atMost(WAIT).until(() -> bo.state() == ConnectionState.RECONNECTING);
      ada.blocking(WAIT).edit("recover", ids.get(0), "m0 edited");
      ada.blocking(WAIT).react("recover", ids.get(1), "👍");
      ada.blocking(WAIT).react("recover", ids.get(1), "🇫🇷");
      ada.blocking(WAIT).delete("recover", ids.get(2));
      ada.blocking(WAIT).unreact("recover", ids.get(1), "👍");
      assertThat(boSees.changes.poll(300, TimeUnit.MILLISECONDS)).as("bo is cut off").isNull();
      relay.restore();

      List<MessageEvent> got = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        got.add(Recorder.next(boSees.changes, e -> true, WAIT));
      }
      assertThat(got)
          .extracting(MessageEvent::type)
          .containsExactly("edit", "reaction", "reaction", "delete", "reaction");
      assertThat(((MessageEdit) got.get(0)).content()).isEqualTo("m0 edited");
      assertThat(((MessageReaction) got.get(2)).emoji()).isEqualTo("🇫🇷");
      assertThat(((MessageReaction) got.get(4)).added()).isFalse();
      assertThat(got).allSatisfy(e -> assertThat(e.seq()).isNotNull());

      ada.blocking(WAIT).edit("recover", ids.get(0), "m0 edited twice");
      assertThat(((MessageEdit) Recorder.next(boSees.changes, e -> true, WAIT)).content())
          .as("live again, nothing repeated")
          .isEqualTo("m0 edited twice");
      assertThat(boSees.messages.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }
}
