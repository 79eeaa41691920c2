package io.gaimace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gaimace.protocol.Attachment;
import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.HistoryPage;
import io.gaimace.protocol.api.SendAck;
import io.gaimace.sdk.internal.FileTransfers;
import io.gaimace.server.GaimaceFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploading, sending and downloading files through the SDK against a real NATS. */
@org.junit.jupiter.api.Timeout(120)
class FileTransferTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final int CHUNK = 128 * 1024;
  static GaimaceFixture env;
  static GaimaceClient ada;
  static GaimaceClient bo;
  static GaimaceClient cy;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    env = GaimaceFixture.start();
    ada = connect("ada");
    bo = connect("bo");
    cy = connect("cy");
    ada.blocking(WAIT).createRoom(new CreateRoomRequest("docs", "Docs", null, "public", null));
    bo.blocking(WAIT).joinRoom("docs");
  }

  @AfterAll
  static void stop() {
    ada.close();
    bo.close();
    cy.close();
    env.close();
  }

  static GaimaceClient connect(String userId) throws Exception {
    return Gaimace.connect(
        ClientOptions.builder(env.user(userId)).server(env.nats().clientUrl()).build());
  }

  @Test
  void aSentFileReachesMembersAndDownloadsByteExact() throws Exception {
    Recorder boSees = new Recorder();
    bo.addListener(boSees);
    byte[] content = random(CHUNK * 4 + 999, 1);
    Path file = Files.write(dir.resolve("chart.png"), content);
    SendAck ack = ada.blocking(WAIT).sendFile("docs", file, null);

    ChatMessage got = Recorder.next(boSees.messages, m -> m.id().equals(ack.id()), WAIT);
    assertThat(got.content()).isEqualTo("chart.png");
    assertThat(got.attachments()).hasSize(1);
    Attachment a = got.attachments().get(0);
    assertThat(a.name()).isEqualTo("chart.png");
    assertThat(a.size()).isEqualTo(content.length);
    assertThat(a.mime()).isEqualTo("image/png");

    Path saved = bo.blocking(WAIT).download(a, dir.resolve("saved.png"));
    assertThat(Files.readAllBytes(saved)).isEqualTo(content);
    HistoryPage page = bo.blocking(WAIT).history("docs", null, 10);
    assertThat(page.messages().stream().filter(m -> m.id().equals(ack.id())).findFirst())
        .hasValueSatisfying(m -> assertThat(m.attachments()).containsExactly(a));
    bo.removeListener(boSees);
  }

  @Test
  void aDownloadFetchesChunksOnlyAsTheReaderConsumesThem() throws Exception {
    byte[] content = random(CHUNK * 10, 2);
    Attachment a =
        ada.upload("docs", "ten.bin", null, new ByteArrayInputStream(content), content.length)
            .get();
    assertThat(a.mime()).isEqualTo("application/octet-stream");
    long before = downloadRequests();
    try (InputStream in = bo.download(a)) {
      assertThat(in.read()).isEqualTo(content[0] & 0xff);
      // One chunk being read plus the prefetch window, however long we wait: back-pressure.
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> downloadRequests() - before <= 1 + FileTransfers.PREFETCH);
      byte[] rest = in.readAllBytes();
      assertThat(rest.length).isEqualTo(content.length - 1);
      assertThat(rest[0]).isEqualTo(content[1]);
      assertThat(rest[rest.length - 1]).isEqualTo(content[content.length - 1]);
    }
    assertThat(downloadRequests() - before).isEqualTo(10);
  }

  @Test
  void nonMembersCanNeitherUploadNorDownload() throws Exception {
    Attachment a = ada.upload("docs", "x.txt", "text/plain", stream("secret"), 6).get();
    try (InputStream in = cy.download(a)) {
      assertThatThrownBy(in::read)
          .isInstanceOf(IOException.class)
          .hasCauseInstanceOf(GaimaceException.class)
          .cause()
          .extracting(c -> ((GaimaceException) c).code())
          .isEqualTo("not_member");
    }
    assertThatThrownBy(() -> cy.upload("docs", "y.txt", "text/plain", stream("hi"), 2).get())
        .isInstanceOf(ExecutionException.class)
        .cause()
        .extracting(c -> ((GaimaceException) c).code())
        .isEqualTo("not_member");
  }

  @Test
  void aCorruptDownloadIsDetectedAndLeavesNoFile() throws Exception {
    Attachment a = ada.upload("docs", "y.txt", "text/plain", stream("the real thing"), 14).get();
    Attachment forged = new Attachment(a.id(), a.name(), a.size(), a.mime(), "0".repeat(64));
    try (InputStream in = bo.download(forged)) {
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("does not match");
    }
    Path target = dir.resolve("y.txt");
    assertThatThrownBy(() -> bo.blocking(WAIT).download(forged, target))
        .isInstanceOf(GaimaceException.class);
    assertThat(target).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty(); // no partial file left behind
    }
  }

  @Test
  void contentShorterThanItsDeclaredSizeFailsTheUpload() throws Exception {
    assertThatThrownBy(() -> ada.upload("docs", "short.txt", "text/plain", stream("abc"), 10).get())
        .cause()
        .isInstanceOf(GaimaceException.class)
        .hasMessageContaining("ended after 3 of 10 bytes");
    // The SDK aborted the upload, so the server holds nothing of it.
    var jsm = env.storeConnection().jetStreamManagement();
    var ofAda = io.nats.client.api.StreamInfoOptions.filterSubjects("upload.ada.>");
    await()
        .atMost(WAIT)
        .until(
            () -> {
              var staged = jsm.getStreamInfo("GAIMACE_UPLOADS", ofAda).getStreamState();
              return staged.getSubjects() == null || staged.getSubjects().isEmpty();
            });
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** The server's own count of download requests, from its metrics. */
  private static long downloadRequests() {
    Matcher m =
        Pattern.compile(
                "gaimace_requests_total\\{operation=\""
                    + Pattern.quote(ApiSubjects.FILE_DOWNLOAD)
                    + "\"} (\\d+)")
            .matcher(env.server().metrics().scrape());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
