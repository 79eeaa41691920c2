package io.gaimace.server.files;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;
import static io.gaimace.server.files.FileUploads.commit;
import static io.gaimace.server.files.FileUploads.download;
import static io.gaimace.server.files.FileUploads.randomBytes;
import static io.gaimace.server.files.FileUploads.sha256;
import static io.gaimace.server.files.FileUploads.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.server.GaimaceFixture;
import io.gaimace.server.config.FileLimits;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An upload left unfinished never becomes visible and is swept by the staging stream's age. */
class AbandonedUploadTest {
  @Test
  void anAbandonedUploadIsNeverVisibleAndIsSweptAfterTheUploadTimeout() throws Exception {
    try (GaimaceFixture env =
        GaimaceFixture.start(
            b -> b.files(new FileLimits(1 << 20, 64L << 20, 2, Duration.ofSeconds(2))))) {
      Connection ann = env.connectAs("ann", env.user("ann"));
      ok(call(ann, ApiSubjects.ROOM_CREATE, Map.of("room_id", "team")));
      byte[] content = randomBytes(FileStores.CHUNK_SIZE + 10, 7);
      String id = stage(ann, "team", "left.bin", content);
      assertThat(download(ann, id, 0).get("code").asText()).isEqualTo("not_found");
      Connection store = env.storeConnection();
      var jsm = store.jetStreamManagement();
      assertThat(jsm.getStreamInfo(FileStores.STAGING).getStreamState().getMsgCount())
          .isEqualTo(3); // session + 2 chunks
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> jsm.getStreamInfo(FileStores.STAGING).getStreamState().getMsgCount() == 0);
      assertThat(commit(ann, id, sha256(content)).get("code").asText()).isEqualTo("not_found");
      assertThat(download(ann, id, 0).get("code").asText()).isEqualTo("not_found");
      // The slot is free again: the limit of 2 open uploads counts only live ones.
      ok(FileUploads.begin(ann, "team", "a", 1));
      ok(FileUploads.begin(ann, "team", "b", 1));
    }
  }
}
