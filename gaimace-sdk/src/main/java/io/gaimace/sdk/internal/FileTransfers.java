package io.gaimace.sdk.internal;

import io.gaimace.protocol.Attachment;
import io.gaimace.sdk.GaimaceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Uploads and downloads of one client. Transfers run on their own daemon threads ({@code
 * gaimace-files-<n>}), never on the event thread, so listeners keep flowing during a long upload.
 */
public final class FileTransfers implements AutoCloseable {
  /** Chunks a download keeps requested ahead of the reader. */
  public static final int PREFETCH = 2;

  private static final String DEFAULT_MIME = "application/octet-stream";

  private final Api api;
  private final AtomicInteger threads = new AtomicInteger();
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "gaimace-files-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  public FileTransfers(Api api) {
    this.api = api;
  }

  public CompletableFuture<Attachment> upload(String dialogueId, Path file) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (InputStream in = Files.newInputStream(file)) {
            return new Uploader(api)
                .upload(dialogueId, nameOf(file), mimeOf(file), in, Files.size(file));
          } catch (IOException e) {
            throw new GaimaceException(Uploader.IO, "cannot read " + file + ": " + e, e);
          }
        },
        executor);
  }

  public CompletableFuture<Attachment> upload(
      String dialogueId, String name, String mime, InputStream content, long size) {
    String type = mime == null || mime.isBlank() ? DEFAULT_MIME : mime;
    return CompletableFuture.supplyAsync(
        () -> new Uploader(api).upload(dialogueId, name, type, content, size), executor);
  }

  public InputStream open(Attachment attachment) {
    return new DownloadStream(api, attachment, PREFETCH);
  }

  /**
   * Downloads into {@code target} through a temporary file beside it, moved into place only once
   * the checksum matched, so a failed download never leaves a partial file under the real name.
   */
  public CompletableFuture<Path> download(Attachment attachment, Path target) {
    return CompletableFuture.supplyAsync(
        () -> {
          Path dir = target.toAbsolutePath().getParent();
          Path part = null;
          try {
            part = Files.createTempFile(dir, ".gaimace-", ".part");
            try (InputStream in = open(attachment)) {
              Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
          } catch (IOException e) {
            if (part != null) {
              try {
                Files.deleteIfExists(part);
              } catch (IOException ignored) {
                // the temporary file stays; nothing else to do
              }
            }
            if (e.getCause() instanceof GaimaceException g) {
              throw g;
            }
            throw new GaimaceException(Uploader.IO, e.getMessage(), e);
          }
        },
        executor);
  }

  /** The MIME type the platform guesses from the file, or {@code application/octet-stream}. */
  public static String mimeOf(Path file) {
    try {
      String probed = Files.probeContentType(file);
      return probed == null ? DEFAULT_MIME : probed;
    } catch (IOException e) {
      return DEFAULT_MIME;
    }
  }

  private static String nameOf(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      throw new GaimaceException(Uploader.IO, file + " is not a file");
    }
    return name.toString();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
