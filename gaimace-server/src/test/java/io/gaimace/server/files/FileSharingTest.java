package io.gaimace.server.files;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;
import static io.gaimace.server.files.FileUploads.begin;
import static io.gaimace.server.files.FileUploads.chunk;
import static io.gaimace.server.files.FileUploads.commit;
import static io.gaimace.server.files.FileUploads.download;
import static io.gaimace.server.files.FileUploads.randomBytes;
import static io.gaimace.server.files.FileUploads.sha256;
import static io.gaimace.server.files.FileUploads.stage;
import static io.gaimace.server.files.FileUploads.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.server.GaimaceFixture;
import io.gaimace.server.config.FileLimits;
import io.nats.client.Connection;
import io.nats.client.api.StreamInfoOptions;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uploads, downloads and attachments through the raw API against a real NATS. */
class FileSharingTest {
  static final int MAX_FILE = 1 << 20;
  static GaimaceFixture env;
  static Connection ann;
  static Connection ben;
  static Connection cid;
  static Connection store; // the server's own CHAT user, to look inside JetStream

  @BeforeAll
  static void start() throws Exception {
    env =
        GaimaceFixture.start(
            b -> b.files(new FileLimits(MAX_FILE, 64L << 20, 3, Duration.ofMinutes(10))));
    ann = env.connectAs("ann", env.user("ann"));
    ben = env.connectAs("ben", env.user("ben"));
    cid = env.connectAs("cid", env.user("cid"));
    ok(call(ann, ApiSubjects.ROOM_CREATE, Map.of("room_id", "team", "members", List.of("ben"))));
    ok(call(cid, ApiSubjects.ROOM_CREATE, Map.of("room_id", "other", "members", List.of("ann"))));
    store = env.storeConnection();
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  @Test
  void aMultiChunkFileRoundTripsByteExactForEveryMember() throws Exception {
    byte[] content = randomBytes(FileStores.CHUNK_SIZE * 3 + 12_345, 1);
    JsonNode att = upload(ann, "team", "photo.png", content);
    assertThat(att.get("name").asText()).isEqualTo("photo.png");
    assertThat(att.get("size").asLong()).isEqualTo(content.length);
    assertThat(att.get("mime").asText()).isEqualTo("image/png");
    assertThat(att.get("sha256").asText()).isEqualTo(sha256(content));
    assertThat(downloadAll(ben, att.get("id").asText())).isEqualTo(content);
    assertThat(downloadAll(ann, att.get("id").asText())).isEqualTo(content);
    String metrics = env.server().metrics().scrape();
    assertThat(metrics).containsPattern("(?m)^gaimace_files_committed [1-9]");
    assertThat(metrics).containsPattern("(?m)^gaimace_file_bytes_committed [1-9][0-9]{5,}");
  }

  @Test
  void anEmptyFileAndAFileInADirectDialogueWork() throws Exception {
    JsonNode empty = upload(ann, "team", "empty.txt", new byte[0]);
    assertThat(empty.get("size").asLong()).isZero();
    byte[] small = "hello ben".getBytes();
    JsonNode dm = upload(ann, "ann+ben", "note.txt", small);
    assertThat(downloadAll(ben, dm.get("id").asText())).isEqualTo(small);
    assertThat(download(cid, dm.get("id").asText(), 0).get("code").asText())
        .isEqualTo("not_member");
  }

  @Test
  void aFileLargerThanTheLimitIsRefusedBeforeAndDuringUpload() throws Exception {
    JsonNode refused = begin(ann, "team", "big.bin", MAX_FILE + 1);
    assertThat(refused.get("code").asText()).isEqualTo("too_large");
    assertThat(refused.get("message").asText()).contains(String.valueOf(MAX_FILE));
    // Chunks must be exactly as long as the declared size makes them: no smuggling more bytes.
    String id = ok(begin(ann, "team", "small.bin", 10)).get("upload_id").asText();
    JsonNode overlong = chunk(ann, id, 0, new byte[11]);
    assertThat(overlong.get("code").asText()).isEqualTo("invalid_request");
    assertThat(overlong.get("message").asText()).contains("must be 10 bytes");
    ok(call(ann, ApiSubjects.FILE_UPLOAD_ABORT, Map.of("upload_id", id)));
  }

  @Test
  void aWrongChecksumIsRefusedAndLeavesNothingVisible() throws Exception {
    byte[] content = randomBytes(FileStores.CHUNK_SIZE + 5, 2);
    String id = stage(ann, "team", "tampered.bin", content);
    JsonNode refused = commit(ann, id, sha256("something else".getBytes()));
    assertThat(refused.get("code").asText()).isEqualTo("checksum_mismatch");
    assertThat(download(ann, id, 0).get("code").asText()).isEqualTo("not_found");
    assertThat(sendWith(ann, "team", id).get("code").asText()).isEqualTo("not_found");
    assertThat(store.keyValue(FileStores.RECORDS).get(id)).isNull();
    assertThat(stagedSubjects("upload.ann." + id + ".>")).isZero();
    assertThat(
            store.objectStore(FileStores.OBJECTS).getList().stream()
                .filter(o -> o.getObjectName().startsWith(id)))
        .isEmpty();
    assertThat(commit(ann, id, sha256(content)).get("code").asText()).isEqualTo("not_found");
  }

  @Test
  void anUncommittedUploadIsInvisible() throws Exception {
    byte[] content = randomBytes(300, 3);
    String id = stage(ann, "team", "half.bin", content);
    assertThat(download(ben, id, 0).get("code").asText()).isEqualTo("not_found");
    assertThat(download(ann, id, 0).get("code").asText()).isEqualTo("not_found");
    JsonNode attach = sendWith(ann, "team", id);
    assertThat(attach.get("code").asText()).isEqualTo("not_found");
    assertThat(attach.get("message").asText()).contains("upload and commit it first");
    ok(commit(ann, id, sha256(content)));
    assertThat(downloadAll(ben, id)).isEqualTo(content);
  }

  @Test
  void chunksGoInOrderAndARetriedChunkOrCommitIsHarmless() throws Exception {
    byte[] content = randomBytes(FileStores.CHUNK_SIZE * 2 + 1, 4);
    JsonNode started = ok(begin(ann, "team", "retry.bin", content.length));
    String id = started.get("upload_id").asText();
    assertThat(started.get("chunks").asInt()).isEqualTo(3);
    byte[] c0 = java.util.Arrays.copyOfRange(content, 0, FileStores.CHUNK_SIZE);
    byte[] c1 =
        java.util.Arrays.copyOfRange(content, FileStores.CHUNK_SIZE, FileStores.CHUNK_SIZE * 2);
    byte[] c2 = java.util.Arrays.copyOfRange(content, FileStores.CHUNK_SIZE * 2, content.length);
    assertThat(chunk(ann, id, 1, c1).get("code").asText()).isEqualTo("invalid_request");
    ok(chunk(ann, id, 0, c0));
    assertThat(ok(chunk(ann, id, 0, c0)).get("received").asInt()).isEqualTo(1); // retry
    ok(chunk(ann, id, 1, c1));
    JsonNode early = commit(ann, id, sha256(content));
    assertThat(early.get("message").asText()).contains("2 of 3 chunks");
    assertThat(chunk(ben, id, 2, c2).get("code").asText()).isEqualTo("not_found"); // not ben's
    ok(chunk(ann, id, 2, c2));
    JsonNode att = ok(commit(ann, id, sha256(content)));
    assertThat(ok(commit(ann, id, sha256(content)))).isEqualTo(att);
    assertThat(downloadAll(ben, id)).isEqualTo(content);
  }

  @Test
  void nonMembersCanNeitherUploadNorDownload() throws Exception {
    JsonNode att = upload(ann, "team", "secret.txt", "team only".getBytes());
    JsonNode refused = download(cid, att.get("id").asText(), 0);
    assertThat(refused.get("code").asText()).isEqualTo("not_member");
    assertThat(refused.has("data")).isFalse();
    assertThat(begin(cid, "team", "intrude.txt", 3).get("code").asText()).isEqualTo("not_member");
    assertThat(download(cid, "no-such-file", 0).get("code").asText()).isEqualTo("not_found");
  }

  @Test
  void onlyTheUploaderMayAttachAFileAndOnlyInItsDialogue() throws Exception {
    JsonNode att = upload(ann, "team", "mine.txt", "ann's".getBytes());
    String id = att.get("id").asText();
    assertThat(sendWith(ben, "team", id).get("code").asText()).isEqualTo("forbidden");
    JsonNode elsewhere = sendWith(ann, "other", id);
    assertThat(elsewhere.get("code").asText()).isEqualTo("forbidden");
    assertThat(elsewhere.get("message").asText()).contains("another dialogue");
    JsonNode ack = ok(sendWith(ann, "team", id));
    JsonNode page = ok(call(ben, ApiSubjects.HISTORY, Map.of("dialogue_id", "team")));
    JsonNode sent = null;
    for (JsonNode m : page.get("messages")) {
      if (m.get("id").asText().equals(ack.get("id").asText())) {
        sent = m;
      }
    }
    assertThat(sent).isNotNull();
    assertThat(sent.get("attachments")).hasSize(1);
    assertThat(sent.get("attachments").get(0)).isEqualTo(att);
  }

  @Test
  void aMessageOfFullLengthCarriesTheMostAttachmentsWithTheLongestNames() throws Exception {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < AttachmentResolver.MAX_ATTACHMENTS; i++) {
      String name = i + "€\"".repeat(127); // 255 characters, multi-byte and escaped in JSON
      ids.add(upload(ann, "team", name, new byte[] {(byte) i}).get("id").asText());
    }
    String content = "x".repeat(io.gaimace.server.config.Limits.defaults().maxMessageBytes());
    JsonNode ack =
        ok(
            call(
                ann,
                ApiSubjects.SEND,
                Map.of("dialogue_id", "team", "content", content, "attachments", ids)));
    assertThat(ack.get("seq").asLong()).isPositive();
    List<String> tooMany = new java.util.ArrayList<>(ids);
    tooMany.add(ids.get(0) + "x");
    JsonNode refused =
        call(
            ann,
            ApiSubjects.SEND,
            Map.of("dialogue_id", "team", "content", "many", "attachments", tooMany));
    assertThat(refused.get("message").asText()).contains("at most 10 attachments");
  }

  @Test
  void aUserHasABoundedNumberOfOpenUploads() throws Exception {
    Connection dan = env.connectAs("dan", env.user("dan"));
    ok(call(dan, ApiSubjects.ROOM_CREATE, Map.of("room_id", "dans")));
    for (int i = 0; i < 3; i++) {
      ok(begin(dan, "dans", "f" + i, 10));
    }
    JsonNode refused = begin(dan, "dans", "f3", 10);
    assertThat(refused.get("code").asText()).isEqualTo("rate_limited");
    assertThat(refused.get("message").asText()).contains("3 uploads open");
  }

  @Test
  void badFieldsAreRefusedWithClearReasons() throws Exception {
    JsonNode path =
        call(
            ann,
            ApiSubjects.FILE_UPLOAD_BEGIN,
            Map.of("dialogue_id", "team", "name", "../etc/passwd", "size", 3));
    assertThat(path.get("code").asText()).isEqualTo("invalid_request");
    JsonNode bidi =
        call(
            ann,
            ApiSubjects.FILE_UPLOAD_BEGIN,
            Map.of("dialogue_id", "team", "name", "invoice\u202Efdp.exe", "size", 3));
    assertThat(bidi.get("message").asText()).contains("direction-changing");
    JsonNode mime =
        call(
            ann,
            ApiSubjects.FILE_UPLOAD_BEGIN,
            Map.of("dialogue_id", "team", "name", "a", "size", 3, "mime", "not a type"));
    assertThat(mime.get("message").asText()).contains("MIME");
    JsonNode noSize =
        call(ann, ApiSubjects.FILE_UPLOAD_BEGIN, Map.of("dialogue_id", "team", "name", "a"));
    assertThat(noSize.get("message").asText()).contains("size");
    JsonNode sha =
        call(ann, ApiSubjects.FILE_UPLOAD_COMMIT, Map.of("upload_id", "x", "sha256", "AB"));
    assertThat(sha.get("message").asText()).contains("sha256");
  }

  @Test
  void filesAgeOutWithTheMessagesAndAFullStoreRefusesRatherThanDropping() throws Exception {
    var jsm = store.jetStreamManagement();
    var objects = jsm.getStreamInfo(FileStores.OBJECTS_STREAM).getConfiguration();
    var messages = jsm.getStreamInfo("GAIMACE_MESSAGES").getConfiguration();
    assertThat(objects.getMaxAge()).isEqualTo(messages.getMaxAge());
    assertThat(objects.getMaxBytes()).isEqualTo(64L << 20);
    assertThat(objects.getDiscardPolicy()).isEqualTo(io.nats.client.api.DiscardPolicy.New);
    assertThat(store.keyValueManagement().getStatus(FileStores.RECORDS).getTtl())
        .isEqualTo(messages.getMaxAge());
    var staging = jsm.getStreamInfo(FileStores.STAGING).getConfiguration();
    assertThat(staging.getMaxAge()).isEqualTo(Duration.ofMinutes(10));
    assertThat(staging.getDiscardPolicy()).isEqualTo(io.nats.client.api.DiscardPolicy.New);
  }

  private static JsonNode sendWith(Connection c, String dialogue, String fileId) throws Exception {
    return call(
        c,
        ApiSubjects.SEND,
        Map.of("dialogue_id", dialogue, "content", "see file", "attachments", List.of(fileId)));
  }

  private static byte[] downloadAll(Connection c, String fileId) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int chunks = 1;
    for (int i = 0; i < chunks; i++) {
      JsonNode part = download(c, fileId, i);
      if (part.has("code") && part.get("message").asText().contains("has 0 chunks")) {
        return out.toByteArray();
      }
      ok(part);
      chunks = part.get("chunks").asInt();
      out.write(Base64.getDecoder().decode(part.get("data").asText()));
    }
    return out.toByteArray();
  }

  private static long stagedSubjects(String filter) throws Exception {
    var subjects =
        store
            .jetStreamManagement()
            .getStreamInfo(FileStores.STAGING, StreamInfoOptions.filterSubjects(filter))
            .getStreamState()
            .getSubjects();
    return subjects == null ? 0 : subjects.size();
  }
}
