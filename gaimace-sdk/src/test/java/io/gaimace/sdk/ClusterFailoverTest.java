package io.gaimace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.SendAck;
import io.gaimace.server.GaimaceServer;
import io.gaimace.server.config.Limits;
import io.gaimace.server.config.Retention;
import io.gaimace.server.config.Secrets;
import io.gaimace.server.config.ServerConfig;
import io.gaimace.server.nats.NatsLayout;
import io.gaimace.testing.NatsCluster;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 3-node JetStream cluster with replicated streams and buckets: a node goes down during steady
 * sends and comes back; no acknowledged message is lost and history is complete.
 */
@Timeout(180)
class ClusterFailoverTest {
  @Test
  void losingANodeLosesNoAcknowledgedMessage() throws Exception {
    Secrets secrets = Secrets.generate();
    try (NatsCluster cluster =
        NatsCluster.builder().nodes(3).configFragment(NatsLayout.configFragment(secrets)).start()) {
      cluster.awaitJetStreamReady();
      ServerConfig config =
          ServerConfig.builder(secrets)
              .natsUrls(cluster.clientUrls())
              .retention(new Retention(Duration.ofDays(1), 100_000, 256L << 20, 3))
              .limits(new Limits(4096, 100, 500, 1000, 1000))
              .presenceGrace(Duration.ofSeconds(1))
              .build();
      try (GaimaceServer server = GaimaceServer.start(config)) {
        String adminToken = server.bootstrapAdmin("admin").orElseThrow().token();
        String adaToken = TestAdmin.user(cluster.clientUrls(), adminToken, "ada");
        String boToken = TestAdmin.user(cluster.clientUrls(), adminToken, "bo");
        try (GaimaceClient ada = client(cluster, adaToken);
            GaimaceClient bo = client(cluster, boToken)) {
          ada.blocking(Duration.ofSeconds(10))
              .createRoom(new CreateRoomRequest("ops", null, null, "public", null));
          bo.blocking(Duration.ofSeconds(10)).joinRoom("ops");
          int leader = streamLeader(cluster, secrets);
          List<CompletableFuture<SendAck>> sends = new ArrayList<>();
          for (int i = 1; i <= 300; i++) {
            GaimaceClient sender = i % 2 == 0 ? ada : bo;
            sends.add(sender.send("ops", "m" + i));
            if (i == 100) {
              cluster.stopNode(leader); // the message stream's leader: a raft election follows
            }
            if (i == 200) {
              cluster.startNode(leader);
            }
            if (i % 20 == 0) {
              sends.get(sends.size() - 1).get(); // a steady pace, not one burst
            }
          }
          Set<Long> seqs = new TreeSet<>();
          for (CompletableFuture<SendAck> f : sends) {
            seqs.add(f.get().seq());
          }
          assertThat(seqs).hasSize(300);
          cluster.awaitJetStreamReady();
          List<String> contents = Histories.allContents(ada, "ops");
          assertThat(contents).hasSize(300);
          assertThat(new TreeSet<>(contents)).hasSize(300);
        }
      }
    }
  }

  /** The index of the node leading the message stream. */
  private static int streamLeader(NatsCluster cluster, Secrets secrets) throws Exception {
    try (Connection chat =
        Nats.connect(
            new Options.Builder()
                .servers(cluster.clientUrls().toArray(String[]::new))
                .userInfo(
                    io.gaimace.server.nats.Accounts.SERVICE_USER_CHAT, secrets.servicePassword())
                .build())) {
      String name =
          chat.jetStreamManagement()
              .getStreamInfo(io.gaimace.server.nats.StoreSetup.MESSAGES)
              .getClusterInfo()
              .getLeader();
      for (int i = 0; i < cluster.nodes().size(); i++) {
        if (cluster.node(i).serverName().equals(name)) {
          return i;
        }
      }
      throw new AssertionError("no node named " + name);
    }
  }

  private static GaimaceClient client(NatsCluster cluster, String token) {
    return Gaimace.connect(
        ClientOptions.builder(token)
            .servers(cluster.clientUrls())
            .requestTimeout(Duration.ofSeconds(10))
            .build());
  }
}
