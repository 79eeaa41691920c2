package io.gaimace.server.files;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The staged chunks of an upload read back in order as one stream, hashing as it goes. Reads fill
 * the caller's buffer completely (the object store takes a short read for the end of the object).
 */
final class StagedContent extends InputStream {
  private final UploadStaging staging;
  private final UploadSession session;
  private final MessageDigest sha256;
  private byte[] current = new byte[0];
  private int pos;
  private int next;
  private long total;

  StagedContent(UploadStaging staging, UploadSession session) {
    this.staging = staging;
    this.session = session;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = 0;
    while (n < len) {
      if (pos == current.length && !advance()) {
        break;
      }
      int k = Math.min(len - n, current.length - pos);
      System.arraycopy(current, pos, b, off + n, k);
      pos += k;
      n += k;
    }
    return n == 0 && len > 0 ? -1 : n;
  }

  private boolean advance() throws IOException {
    if (next == session.chunks()) {
      return false;
    }
    byte[] chunk = staging.chunk(session.uploader(), session.uploadId(), next);
    if (chunk == null) {
      throw new IOException("chunk " + next + " of upload " + session.uploadId() + " expired");
    }
    sha256.update(chunk);
    total += chunk.length;
    current = chunk;
    pos = 0;
    next++;
    return true;
  }

  /** Lower-case hex SHA-256 of everything read. */
  String sha256Hex() {
    return java.util.HexFormat.of().formatHex(sha256.digest());
  }

  long total() {
    return total;
  }
}
