package io.gaimace.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.ClusterInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

// jnats Connection.close() declares InterruptedException; these tests let it propagate.
@SuppressWarnings("try")
class NatsClusterTest {
  /** Longest a publish may keep failing while the stream elects a new leader. */
  private static final Duration ELECTION_WINDOW = Duration.ofSeconds(15);

  @Test
  void formsARoutedJetStreamClusterWithTheFragmentOnEveryNode() throws Exception {
    try (NatsCluster cluster = NatsCluster.builder().configFragment("max_payload: 4096").start()) {
      assertThat(cluster.nodes())
          .extracting(NatsServerProcess::serverName)
          .containsExactly("n1", "n2", "n3");
      assertThat(cluster.clientUrls()).doesNotHaveDuplicates().hasSize(3);
      assertThat(cluster.clientUrl()).isEqualTo(String.join(",", cluster.clientUrls()));
      for (NatsServerProcess node : cluster.nodes()) {
        try (Connection nc = Clients.connect(node.clientUrl())) {
          assertThat(nc.getServerInfo().getCluster()).isEqualTo(cluster.name());
          assertThat(nc.getServerInfo().getMaxPayload()).isEqualTo(4096);
          assertThat(nc.getServerInfo().isJetStreamAvailable()).isTrue();
        }
      }
    }
  }

  @Test
  void replicatedStreamKeepsAcceptingWritesWhileItsLeaderIsDown() throws Exception {
    try (NatsCluster cluster = NatsCluster.start(3);
        Connection nc = Clients.connect(cluster.clientUrl())) {
      JetStreamManagement jsm = nc.jetStreamManagement();
      JetStream js = nc.jetStream();
      jsm.addStream(
          StreamConfiguration.builder()
              .name("CHAT")
              .subjects("chat.>")
              .replicas(3)
              .duplicateWindow(Duration.ofMinutes(2))
              .build());
      for (int i = 0; i < 10; i++) {
        publish(js, i);
      }

      int leader = indexOf(cluster, jsm.getStreamInfo("CHAT").getClusterInfo().getLeader());
      cluster.stopNode(leader);
      for (int i = 10; i < 30; i++) {
        assertThat(publish(js, i).isDuplicate()).isFalse();
      }
      cluster.startNode(leader);
      cluster.awaitJetStreamReady();

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                StreamInfo info = jsm.getStreamInfo("CHAT");
                assertThat(info.getStreamState().getMsgCount()).isEqualTo(30);
                ClusterInfo replicas = info.getClusterInfo();
                assertThat(replicas.getReplicas()).hasSize(2).allMatch(r -> r.isCurrent());
              });
      assertThat(new String(jsm.getLastMessage("CHAT", "chat.room.29").getData(), UTF_8))
          .isEqualTo("message 29");
    }
  }

  @Test
  void refusesToWaitForJetStreamWithoutAMajority() {
    try (NatsCluster cluster = NatsCluster.start(3)) {
      cluster.stopNode(1);
      cluster.killNode(2);
      assertThat(cluster.nodes())
          .extracting(NatsServerProcess::isRunning)
          .containsExactly(true, false, false);

      assertThatThrownBy(cluster::awaitJetStreamReady)
          .isInstanceOf(NatsServerException.class)
          .hasMessageContaining("only 1 of 3 nodes run");

      cluster.startNode(2); // 2 of 3: quorum again
      cluster.awaitJetStreamReady();
      assertThat(cluster.node(2).isRunning()).isTrue();
    }
  }

  /**
   * Publishes message {@code i} with a message id, retrying only while the stream elects a leader
   * (bounded by {@link #ELECTION_WINDOW}); the id makes a retry of a stored message a duplicate.
   */
  private static PublishAck publish(JetStream js, int i) {
    PublishOptions options = PublishOptions.builder().messageId("m-" + i).build();
    byte[] data = ("message " + i).getBytes(UTF_8);
    return await("publish " + i)
        .atMost(ELECTION_WINDOW)
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptionsMatching(
            e -> e instanceof IOException || e instanceof JetStreamApiException)
        .until(() -> js.publish("chat.room." + i, data, options), ack -> ack.getSeqno() > 0);
  }

  private static int indexOf(NatsCluster cluster, String serverName) {
    List<String> names = cluster.nodes().stream().map(NatsServerProcess::serverName).toList();
    assertThat(names).contains(serverName);
    return names.indexOf(serverName);
  }
}
