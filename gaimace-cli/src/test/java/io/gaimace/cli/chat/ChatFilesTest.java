package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.RoomInfo;
import io.gaimace.server.GaimaceFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Sharing a file from one chat and saving it from another, against a real NATS. */
@Timeout(120)
class ChatFilesTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir Path dir;

  @Test
  void aFileUploadedInOneChatIsShownAndSavedInAnother() throws Exception {
    try (GaimaceFixture env = GaimaceFixture.start()) {
      env.user("ann");
      env.user("ben");
      GaimaceFixture.ok(
          GaimaceFixture.call(
              env.admin(),
              ApiSubjects.ROOM_CREATE,
              new CreateRoomRequest("yard", "Yard", null, RoomInfo.PUBLIC, List.of("ann", "ben"))));
      byte[] content = new byte[300_000];
      new Random(5).nextBytes(content);
      Path sent = Files.write(dir.resolve("site plan.png"), content);
      Path inbox = Files.createDirectory(dir.resolve("inbox"));
      try (HeadlessChat ann = HeadlessChat.start(env, "ann");
          HeadlessChat ben = HeadlessChat.start(env, "ben")) {
        ann.view().await(WAIT, "── #yard · Yard ──");
        ben.view().await(WAIT, "── #yard · Yard ──");

        ann.type("/upload \"" + sent + "\" the new plan :eyes:");
        ann.view().await(WAIT, "uploading site plan.png (293.0 KiB)…");
        ben.view()
            .await(
                WAIT, "ann: the new plan 👀\n", "  📎 [1] site plan.png · 293.0 KiB · image/png");

        ben.type("/files");
        ben.view().await(WAIT, "the new plan 👀\n  📎 [1] site plan.png");
        ben.type("/download 2");
        ben.view().await(WAIT, "! no file [2]: /files lists the files shown");
        ben.type("/download 1 " + inbox);
        ben.view().await(WAIT, "saved site plan.png to " + inbox.resolve("site plan.png"));
        assertThat(Files.readAllBytes(inbox.resolve("site plan.png"))).isEqualTo(content);
        ben.type("/download 1 " + inbox);
        ben.view().await(WAIT, "exists; give another path: /download 1 PATH");

        ann.type("/upload " + dir.resolve("missing.txt"));
        ann.view().await(WAIT, "! no readable file at " + dir.resolve("missing.txt"));
        Awaitility.await()
            .atMost(WAIT)
            .untilAsserted(
                () -> assertThat(ann.view().transcript()).contains("📎 [1] site plan.png"));
        assertThat(ben.view().transcript()).doesNotContain("Exception");
      }
    }
  }
}
