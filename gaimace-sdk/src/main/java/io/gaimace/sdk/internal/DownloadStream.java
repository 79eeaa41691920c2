package io.gaimace.sdk.internal;

import io.gaimace.protocol.Attachment;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.FileChunk;
import io.gaimace.protocol.api.FileDownloadRequest;
import io.gaimace.sdk.GaimaceException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * A file's content, fetched chunk by chunk as it is read. Back-pressure: a chunk is requested only
 * when reading needs one, plus at most {@code prefetch} more in flight, so a slow reader holds at
 * most {@code prefetch + 1} chunks. At the end the size and SHA-256 are checked against the
 * attachment; a mismatch is an {@link IOException}. Not thread-safe, like most streams.
 */
final class DownloadStream extends InputStream {
  private static final int ATTEMPTS = 3;

  private final Api api;
  private final Attachment attachment;
  private final int prefetch;
  private final ArrayDeque<CompletableFuture<FileChunk>> inFlight = new ArrayDeque<>();
  private final MessageDigest sha256;
  private int requested;
  private int chunks = -1; // unknown until the first reply
  private int consumed;
  private long total;
  private byte[] current = new byte[0];
  private int pos;
  private boolean finished;

  DownloadStream(Api api, Attachment attachment, int prefetch) {
    this.api = api;
    this.attachment = attachment;
    this.prefetch = prefetch;
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
    if (len == 0) {
      return 0;
    }
    while (pos == current.length) {
      if (!advance()) {
        return -1;
      }
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int available() {
    return current.length - pos;
  }

  private boolean advance() throws IOException {
    if (finished) {
      return false;
    }
    if (attachment.size() == 0 || consumed == chunks) {
      finish();
      return false;
    }
    if (inFlight.isEmpty()) {
      request();
    }
    FileChunk chunk = await(inFlight.poll());
    chunks = chunk.chunks();
    consumed++;
    while (inFlight.size() < prefetch && requested < chunks) {
      request();
    }
    current = Base64.getDecoder().decode(chunk.data());
    pos = 0;
    sha256.update(current);
    total += current.length;
    return true;
  }

  private void request() {
    inFlight.add(fetch(new FileDownloadRequest(attachment.id(), requested++), ATTEMPTS));
  }

  private CompletableFuture<FileChunk> fetch(FileDownloadRequest body, int attempts) {
    return api.call(ApiSubjects.FILE_DOWNLOAD, body, FileChunk.class)
        .handle(
            (chunk, error) -> {
              if (error == null) {
                return CompletableFuture.completedFuture(chunk);
              }
              if (attempts > 1 && Api.isTransient(error)) {
                return fetch(body, attempts - 1);
              }
              return CompletableFuture.<FileChunk>failedFuture(error);
            })
        .thenCompose(f -> f);
  }

  private FileChunk await(CompletableFuture<FileChunk> f) throws IOException {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof GaimaceException g) {
        throw new IOException("cannot download " + attachment.name() + ": " + g.getMessage(), g);
      }
      throw new IOException("cannot download " + attachment.name(), cause);
    }
  }

  private void finish() throws IOException {
    finished = true;
    String actual = HexFormat.of().formatHex(sha256.digest());
    if (total != attachment.size() || !actual.equals(attachment.sha256())) {
      throw new IOException(
          "downloaded "
              + attachment.name()
              + " does not match its attachment (size "
              + total
              + ", SHA-256 "
              + actual
              + "); download it again");
    }
  }

  @Override
  public void close() {
    finished = true;
    inFlight.clear(); // replies still on their way are dropped
  }
}
