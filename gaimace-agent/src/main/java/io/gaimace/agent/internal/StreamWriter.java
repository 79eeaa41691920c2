package io.gaimace.agent.internal;

import io.gaimace.agent.ReplyStream;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.sdk.GaimaceException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link ReplyStream} on a server reply stream: text is buffered and appended at most every
 * {@link #BATCH} (and once more at the end), one append at a time so their order holds. A refused
 * append ({@code conflict}: cancelled; {@code not_found}: expired) marks the stream cancelled.
 */
final class StreamWriter implements ReplyStream {
  static final Duration BATCH = Duration.ofMillis(50);

  private final GaimaceClient client;
  private final String streamId;
  private final String dialogueId;
  private final Duration timeout;
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder pending = new StringBuilder();
  private long lastFlush = System.nanoTime();
  private volatile boolean cancelled;

  StreamWriter(GaimaceClient client, String streamId, String dialogueId, Duration timeout) {
    this.client = client;
    this.streamId = streamId;
    this.dialogueId = dialogueId;
    this.timeout = timeout;
  }

  String streamId() {
    return streamId;
  }

  String dialogueId() {
    return dialogueId;
  }

  @Override
  public synchronized void append(String delta) {
    if (cancelled || delta == null || delta.isEmpty()) {
      return;
    }
    text.append(delta);
    pending.append(delta);
    if (System.nanoTime() - lastFlush >= BATCH.toNanos()) {
      flush();
    }
  }

  /** Sends what is buffered; false if the stream is cancelled. */
  synchronized boolean flush() {
    lastFlush = System.nanoTime();
    if (cancelled) {
      return false;
    }
    if (pending.length() == 0) {
      return true;
    }
    String chunk = pending.toString();
    pending.setLength(0);
    try {
      client.appendStream(streamId, chunk).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof GaimaceException g
          && (g.code().equals("conflict") || g.code().equals("not_found"))) {
        cancelled = true;
        return false;
      }
      if (e.getCause() instanceof GaimaceException g && g.code().equals("rate_limited")) {
        pending.insert(0, chunk); // sent with the next batch
        return true;
      }
      throw new IllegalStateException("cannot append to the reply: " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("appending to the reply timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancelled = true;
      return false;
    }
  }

  /** Flushes when text has waited for a batch period (called by a timer). */
  synchronized void flushIfDue() {
    if (pending.length() > 0 && System.nanoTime() - lastFlush >= BATCH.toNanos()) {
      flush();
    }
  }

  /** Seen a {@code cancelled} event for this stream. */
  void markCancelled() {
    cancelled = true;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public synchronized String text() {
    return text.toString();
  }
}
