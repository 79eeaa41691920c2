package io.gaimace.server.files;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.api.ApiSubjects;
import io.nats.client.Connection;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

/** Speaks the raw file API in tests, as a client in any language would. */
final class FileUploads {
  private FileUploads() {}

  static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  static JsonNode begin(Connection c, String dialogue, String name, long size) throws Exception {
    return call(
        c,
        ApiSubjects.FILE_UPLOAD_BEGIN,
        Map.of("dialogue_id", dialogue, "name", name, "size", size, "mime", "image/png"));
  }

  static JsonNode chunk(Connection c, String uploadId, int index, byte[] data) throws Exception {
    return call(
        c,
        ApiSubjects.FILE_UPLOAD_CHUNK,
        Map.of(
            "upload_id",
            uploadId,
            "index",
            index,
            "data",
            Base64.getEncoder().encodeToString(data)));
  }

  /** Begins and sends every chunk; returns the upload id, not yet committed. */
  static String stage(Connection c, String dialogue, String name, byte[] content) throws Exception {
    JsonNode started = ok(begin(c, dialogue, name, content.length));
    String id = started.get("upload_id").asText();
    int size = started.get("chunk_size").asInt();
    for (int i = 0; i * size < content.length; i++) {
      byte[] part = Arrays.copyOfRange(content, i * size, Math.min(content.length, (i + 1) * size));
      ok(chunk(c, id, i, part));
    }
    return id;
  }

  static JsonNode commit(Connection c, String uploadId, String sha256) throws Exception {
    return call(c, ApiSubjects.FILE_UPLOAD_COMMIT, Map.of("upload_id", uploadId, "sha256", sha256));
  }

  /** Uploads and commits; returns the attachment. */
  static JsonNode upload(Connection c, String dialogue, String name, byte[] content)
      throws Exception {
    return ok(commit(c, stage(c, dialogue, name, content), sha256(content)));
  }

  static JsonNode download(Connection c, String fileId, int index) throws Exception {
    return call(c, ApiSubjects.FILE_DOWNLOAD, Map.of("file_id", fileId, "index", index));
  }
}
