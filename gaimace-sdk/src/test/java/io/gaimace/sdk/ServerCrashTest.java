package io.gaimace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Presence;
import io.gaimace.protocol.PresenceStatus;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.SendAck;
import io.gaimace.server.ServerProcess;
import io.gaimace.server.config.Secrets;
import io.gaimace.server.nats.NatsLayout;
import io.gaimace.testing.NatsServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Gaimace server instance dies with SIGKILL during sends. Acknowledged messages are never lost;
 * unacknowledged ones are sent again by the SDK and stored once.
 */
@Timeout(240)
class ServerCrashTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir Path dir;

  @Test
  void killingOneOfTwoInstancesLosesAndDuplicatesNothing() throws Exception {
    Secrets secrets = Secrets.generate();
    try (NatsServerProcess nats =
            NatsServerProcess.builder().configFragment(NatsLayout.configFragment(secrets)).start();
        ServerProcess a = ServerProcess.start(nats.clientUrl(), secrets, dir);
        ServerProcess b = ServerProcess.start(nats.clientUrl(), secrets, dir);
        Pair users = Pair.open(nats, dir)) {
      List<CompletableFuture<SendAck>> sends = sendPaced(users, 200, 80, a::kill);
      assertEveryMessageOnce(users, sends, 200);
    }
  }

  @Test
  void killingTheOnlyInstanceThenStartingAnotherLosesAndDuplicatesNothing() throws Exception {
    Secrets secrets = Secrets.generate();
    try (NatsServerProcess nats =
            NatsServerProcess.builder().configFragment(NatsLayout.configFragment(secrets)).start();
        ServerProcess a = ServerProcess.start(nats.clientUrl(), secrets, dir);
        Pair users = Pair.open(nats, dir)) {
      List<ServerProcess> restarted = new ArrayList<>();
      List<CompletableFuture<SendAck>> sends =
          sendPaced(
              users,
              100,
              40,
              () -> {
                a.kill();
                restarted.add(ServerProcess.start(nats.clientUrl(), secrets, dir));
              });
      try {
        assertEveryMessageOnce(users, sends, 100);
        List<Presence> presence = users.ada.presence(List.of("ada", "bo")).get();
        assertThat(presence).extracting(Presence::status).containsOnly(PresenceStatus.ONLINE);
      } finally {
        for (ServerProcess p : restarted) {
          p.close();
        }
      }
    }
  }

  /** Ada and Bo in a public room, Bo recording what he receives. */
  private record Pair(GaimaceClient ada, GaimaceClient bo, Recorder boSees)
      implements AutoCloseable {
    static Pair open(NatsServerProcess nats, Path dir) throws Exception {
      String admin = ServerProcess.adminToken(dir);
      List<String> urls = List.of(nats.clientUrl());
      GaimaceClient ada = client(nats, TestAdmin.user(urls, admin, "ada"));
      GaimaceClient bo = client(nats, TestAdmin.user(urls, admin, "bo"));
      Recorder boSees = new Recorder();
      bo.addListener(boSees);
      ada.blocking(WAIT).createRoom(new CreateRoomRequest("ops", null, null, "public", null));
      bo.blocking(WAIT).joinRoom("ops");
      return new Pair(ada, bo, boSees);
    }

    @Override
    public void close() {
      ada.close();
      bo.close();
    }
  }

  @FunctionalInterface
  private interface Crash {
    void run() throws Exception;
  }

  private static List<CompletableFuture<SendAck>> sendPaced(
      Pair users, int count, int crashAt, Crash crash) throws Exception {
    List<CompletableFuture<SendAck>> sends = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      sends.add(users.ada.send("ops", "m" + i));
      if (i == crashAt) {
        crash.run();
      }
      if (i % 10 == 0) {
        sends.get(sends.size() - 1).get(); // a steady pace, not one burst
      }
    }
    return sends;
  }

  private static void assertEveryMessageOnce(
      Pair users, List<CompletableFuture<SendAck>> sends, int count) throws Exception {
    for (CompletableFuture<SendAck> f : sends) {
      f.get();
    }
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      expected.add("m" + i);
    }
    assertThat(Histories.allContents(users.ada, "ops")).containsExactlyElementsOf(expected);
    List<ChatMessage> received = Recorder.take(users.boSees.messages, count, WAIT);
    assertThat(received).extracting(ChatMessage::content).containsExactlyElementsOf(expected);
  }

  private static GaimaceClient client(NatsServerProcess nats, String token) {
    return Gaimace.connect(ClientOptions.builder(token).server(nats.clientUrl()).build());
  }
}
