package io.gaimace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.Attachment;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.server.GaimaceServer;
import io.gaimace.server.config.Retention;
import io.gaimace.server.config.Secrets;
import io.gaimace.server.config.ServerConfig;
import io.gaimace.server.files.FileStores;
import io.gaimace.server.nats.Accounts;
import io.gaimace.server.nats.NatsLayout;
import io.gaimace.testing.NatsCluster;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** On a 3-node cluster the file stores are replicated: a file outlives its store's leader. */
@Timeout(180)
class FileClusterTest {
  @Test
  void aFileStaysDownloadableWhenTheLeaderOfItsStoreGoesDown() throws Exception {
    Secrets secrets = Secrets.generate();
    try (NatsCluster cluster =
        NatsCluster.builder().nodes(3).configFragment(NatsLayout.configFragment(secrets)).start()) {
      cluster.awaitJetStreamReady();
      ServerConfig config =
          ServerConfig.builder(secrets)
              .natsUrls(cluster.clientUrls())
              .retention(new Retention(Duration.ofDays(1), 100_000, 256L << 20, 3))
              .presenceGrace(Duration.ofSeconds(1))
              .build();
      try (GaimaceServer server = GaimaceServer.start(config)) {
        String adminToken = server.bootstrapAdmin("admin").orElseThrow().token();
        String adaToken = TestAdmin.user(cluster.clientUrls(), adminToken, "ada");
        String boToken = TestAdmin.user(cluster.clientUrls(), adminToken, "bo");
        try (GaimaceClient ada = client(cluster, adaToken);
            GaimaceClient bo = client(cluster, boToken);
            Connection chat =
                Nats.connect(
                    new Options.Builder()
                        .servers(cluster.clientUrls().toArray(String[]::new))
                        .userInfo(Accounts.SERVICE_USER_CHAT, secrets.servicePassword())
                        .build())) {
          ada.blocking(Duration.ofSeconds(10))
              .createRoom(new CreateRoomRequest("ops", null, null, "public", null));
          bo.blocking(Duration.ofSeconds(10)).joinRoom("ops");
          byte[] content = new byte[3 * 128 * 1024 + 7];
          new Random(3).nextBytes(content);
          Attachment a =
              ada.upload("ops", "dump.bin", null, new ByteArrayInputStream(content), content.length)
                  .get();
          var objects = chat.jetStreamManagement().getStreamInfo(FileStores.OBJECTS_STREAM);
          assertThat(objects.getConfiguration().getReplicas()).isEqualTo(3);
          String leader = objects.getClusterInfo().getLeader();
          int node = 0;
          while (!cluster.node(node).serverName().equals(leader)) {
            node++;
          }
          cluster.stopNode(node);
          try (InputStream in = bo.download(a)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
          }
        }
      }
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
