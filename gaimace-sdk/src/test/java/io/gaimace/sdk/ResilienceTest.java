package io.gaimace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.SendAck;
import io.gaimace.server.GaimaceFixture;
import io.gaimace.server.nats.Accounts;
import io.gaimace.server.nats.StoreSetup;
import io.gaimace.server.presence.ConnectionRecord;
import io.gaimace.server.presence.Kicker;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Nothing is lost across disconnects: recovery of missed messages, and the outbox. */
@org.junit.jupiter.api.Timeout(90)
class ResilienceTest {
  static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aClientCutOffDuringTrafficGetsEveryMessageOnceInOrder() throws Exception {
    try (GaimaceFixture env =
            GaimaceFixture.start(
                b -> b.limits(new io.gaimace.server.config.Limits(4096, 100, 500, 1000, 1000)));
        GaimaceClient ada = client(env, "ada");
        GaimaceClient bo = client(env, "bo");
        Connection sys = service(env, Accounts.SERVICE_USER_SYS);
        Connection chat = service(env, Accounts.SERVICE_USER_CHAT)) {
      Recorder boSees = new Recorder();
      bo.addListener(boSees);
      ada.blocking(WAIT).createRoom(new CreateRoomRequest("stream", null, null, "public", null));
      bo.blocking(WAIT).joinRoom("stream");
      Kicker kicker =
          new Kicker(sys, StoreSetup.bucket(chat, StoreSetup.CONNECTIONS, ConnectionRecord.class));
      List<CompletableFuture<SendAck>> sends = new ArrayList<>();
      for (int i = 1; i <= 120; i++) {
        sends.add(ada.send("stream", "n" + i));
        if (i == 30 || i == 80) {
          // The previous kick's reconnect may not be recorded yet: kick once it is.
          org.awaitility.Awaitility.await().atMost(WAIT).until(() -> kicker.kick("bo") > 0);
        }
      }
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
      List<ChatMessage> got = Recorder.take(boSees.messages, 120, WAIT);
      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= 120; i++) {
        expected.add("n" + i);
      }
      assertThat(got).extracting(ChatMessage::content).containsExactlyElementsOf(expected);
      assertThat(boSees.messages.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
      assertThat(boSees.states).contains(ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
    }
  }

  @Test
  void sendsMadeWhileDisconnectedAreDeliveredOnceWhenTheConnectionReturns() throws Exception {
    try (GaimaceFixture env = GaimaceFixture.start();
        GaimaceClient ada = client(env, "ada");
        GaimaceClient bo = client(env, "bo")) {
      Recorder boSees = new Recorder();
      bo.addListener(boSees);
      ada.sendDirect("bo", "before").get();
      Recorder.next(boSees.messages, m -> true, WAIT);
      env.nats().stop();
      CompletableFuture<SendAck> during = ada.sendDirect("bo", "while away");
      CompletableFuture<SendAck> during2 = ada.sendDirect("bo", "still away");
      assertThat(during).isNotDone();
      assertThat(ada.pendingSends()).isGreaterThanOrEqualTo(1);
      env.nats().restart();
      assertThat(during.get().duplicate()).isFalse();
      assertThat(during2.get().pos()).isEqualTo(during.get().pos() + 1);
      List<ChatMessage> got = Recorder.take(boSees.messages, 2, WAIT);
      assertThat(got).extracting(ChatMessage::content).containsExactly("while away", "still away");
      assertThat(boSees.messages.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void shortLivedCredentialsRenewWithoutTheApplicationNoticing() throws Exception {
    try (GaimaceFixture env = GaimaceFixture.start(b -> b.jwtTtl(Duration.ofSeconds(2)));
        GaimaceClient ada = client(env, "ada");
        GaimaceClient bo = client(env, "bo")) {
      Recorder boSees = new Recorder();
      bo.addListener(boSees);
      for (int i = 1; i <= 4; i++) {
        ada.sendDirect("bo", "tick " + i).get();
        Recorder.next(boSees.messages, m -> true, WAIT);
        // Wait past at least one expiry of both users' credentials between sends.
        Recorder.next(boSees.states, s -> s == ConnectionState.CONNECTED, WAIT);
      }
      assertThat(boSees.messages).isEmpty();
      // Ada renews every 2 s too; between renewals she is connected.
      org.awaitility.Awaitility.await()
          .atMost(WAIT)
          .until(() -> ada.state() == ConnectionState.CONNECTED);
    }
  }

  private static GaimaceClient client(GaimaceFixture env, String user) throws Exception {
    return Gaimace.connect(
        ClientOptions.builder(env.user(user)).server(env.nats().clientUrl()).build());
  }

  private static Connection service(GaimaceFixture env, String user) throws Exception {
    return Nats.connect(
        new Options.Builder()
            .server(env.nats().clientUrl())
            .userInfo(user, env.secrets().servicePassword())
            .build());
  }
}
