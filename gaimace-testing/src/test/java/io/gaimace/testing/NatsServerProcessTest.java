package io.gaimace.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

// jnats Connection.close() declares InterruptedException; these tests let it propagate.
@SuppressWarnings("try")
class NatsServerProcessTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void servesCoreMessagesAndJetStream() throws Exception {
    try (NatsServerProcess nats = NatsServerProcess.builder().start();
        Connection nc = Clients.connect(nats.clientUrl())) {
      assertThat(nats.isRunning()).isTrue();
      assertThat(nats.clientUrl()).isEqualTo("nats://127.0.0.1:" + nats.clientPort());
      assertThat(nc.getServerInfo().getServerName()).isEqualTo(nats.serverName());

      Subscription sub = nc.subscribe("greet");
      nc.publish("greet", "hello".getBytes(UTF_8));
      Message message = sub.nextMessage(WAIT);
      assertThat(message).isNotNull();
      assertThat(new String(message.getData(), UTF_8)).isEqualTo("hello");

      createStream(nc);
      PublishAck ack = nc.jetStream().publish("orders.1", "one".getBytes(UTF_8));
      assertThat(ack.getStream()).isEqualTo("ORDERS");
      assertThat(ack.getSeqno()).isEqualTo(1);
      assertThat(Files.isDirectory(nats.storeDir().resolve("jetstream"))).isTrue();
    }
  }

  @Test
  void restartKeepsPortsAndJetStreamData() throws Exception {
    try (NatsServerProcess nats = NatsServerProcess.builder().start()) {
      try (Connection nc = Clients.connect(nats.clientUrl())) {
        createStream(nc);
        nc.jetStream().publish("orders.1", "kept".getBytes(UTF_8));
      }
      int clientPort = nats.clientPort();
      int monitorPort = nats.monitorPort();

      nats.restart();

      assertThat(nats.isRunning()).isTrue();
      assertThat(nats.clientPort()).isEqualTo(clientPort);
      assertThat(nats.monitorPort()).isEqualTo(monitorPort);
      try (Connection nc = Clients.connect(nats.clientUrl())) {
        assertStoredOnce(nc.jetStreamManagement(), "kept");
      }
    }
  }

  @Test
  void killThenRestartKeepsAcknowledgedDataAndClientsReconnect() throws Exception {
    try (NatsServerProcess nats = NatsServerProcess.builder().start();
        Connection nc = Clients.connect(nats.clientUrl())) {
      createStream(nc);
      nc.jetStream().publish("orders.1", "acked".getBytes(UTF_8));

      nats.kill();
      assertThat(nats.isRunning()).isFalse();
      await().atMost(WAIT).until(() -> nc.getStatus() != Connection.Status.CONNECTED);

      nats.restart();
      await().atMost(WAIT).until(() -> nc.getStatus() == Connection.Status.CONNECTED);
      assertStoredOnce(nc.jetStreamManagement(), "acked");
    }
  }

  @Test
  void websocketListenerAcceptsClients() throws Exception {
    try (NatsServerProcess nats = NatsServerProcess.builder().websocket(true).start()) {
      assertThat(nats.websocketUrl()).isEqualTo("ws://127.0.0.1:" + nats.websocketPort());
      try (Socket socket = new Socket()) {
        socket.connect(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), nats.websocketPort()));
        assertThat(socket.isConnected()).isTrue();
      }
      try (Connection nc = Clients.connect(nats.websocketUrl())) {
        Subscription sub = nc.subscribe("ws.echo");
        nc.publish("ws.echo", "over websocket".getBytes(UTF_8));
        assertThat(sub.nextMessage(WAIT)).isNotNull();
      }
    }
  }

  @Test
  void websocketAndJetStreamCanBeTurnedOff() throws Exception {
    try (NatsServerProcess nats = NatsServerProcess.builder().jetStream(false).start();
        Connection nc = Clients.connect(nats.clientUrl())) {
      assertThat(nc.getServerInfo().isJetStreamAvailable()).isFalse();
      assertThat(Files.readString(nats.configFile())).doesNotContain("jetstream", "websocket");
      assertThatThrownBy(nats::websocketPort).hasMessageContaining("websocket(true)");
      assertThatThrownBy(nats::storeDir).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void configFragmentIsApplied() throws Exception {
    try (NatsServerProcess nats =
            NatsServerProcess.builder()
                .serverName("fragment")
                .configFragment("max_payload: 2048")
                .start();
        Connection nc = Clients.connect(nats.clientUrl())) {
      assertThat(nc.getServerInfo().getMaxPayload()).isEqualTo(2048);
      assertThat(nc.getServerInfo().getServerName()).isEqualTo("fragment");
    }
  }

  @Test
  void invalidConfigurationFailsWithTheServersOwnMessage() {
    assertThatThrownBy(() -> NatsServerProcess.builder().configFragment("broken {").start())
        .isInstanceOf(NatsServerException.class)
        .hasMessageContaining("exited with code")
        .hasMessageContaining("Parse error");
  }

  @Test
  void missingBinaryFailsClearly() {
    Path missing = Path.of("/nonexistent/nats-server");
    assertThatThrownBy(() -> NatsServerProcess.builder().binary(missing).start())
        .isInstanceOf(NatsServerException.class)
        .hasMessageStartingWith("nats-server not found")
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("scripts/install-nats.sh");
  }

  @Test
  void firstStartRetriesOnFreshPortsWhenAPortWasTaken() throws Exception {
    try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int taken = squatter.getLocalPort();
      int monitor = PortSource.free().allocate(1)[0];
      NatsServerProcess.Builder builder =
          NatsServerProcess.builder().portSource(PortSource.presetThenFree(taken, monitor));

      try (NatsServerProcess nats = builder.start();
          Connection nc = Clients.connect(nats.clientUrl())) {
        assertThat(nats.clientPort()).isNotEqualTo(taken);
        assertThat(Files.readString(nats.logFile())).contains("address already in use");
        assertThat(nc.getStatus()).isEqualTo(Connection.Status.CONNECTED);
      }
    }
  }

  @Test
  void closeStopsTheServerAndDeletesItsFiles() {
    NatsServerProcess nats = NatsServerProcess.builder().start();
    Path dir = nats.configFile().getParent();
    assertThat(dir).isDirectory();

    nats.close();

    assertThat(nats.isRunning()).isFalse();
    assertThat(dir).doesNotExist();
    assertThat(Monitor.status(nats.monitorPort(), "/healthz")).isEqualTo(Monitor.NO_ANSWER);
    nats.close(); // idempotent
    assertThatThrownBy(nats::restart).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void versionIsTheInstalledServers() {
    assertThat(NatsServerProcess.version()).matches("2\\.\\d+\\.\\d+.*");
  }

  private static void createStream(Connection nc) throws Exception {
    nc.jetStreamManagement()
        .addStream(
            StreamConfiguration.builder()
                .name("ORDERS")
                .subjects("orders.>")
                .storageType(StorageType.File)
                .build());
  }

  private static void assertStoredOnce(JetStreamManagement jsm, String data) throws Exception {
    assertThat(jsm.getStreamInfo("ORDERS").getStreamState().getMsgCount()).isEqualTo(1);
    assertThat(new String(jsm.getMessage("ORDERS", 1).getData(), UTF_8)).isEqualTo(data);
  }
}
