package io.gaimace.cli.chat;

import io.gaimace.sdk.GaimaceException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that runs the chat: commands, SDK events and output, in the order they come. A
 * task that fails prints {@code ! reason [code]} and the thread goes on; nothing prints a stack
 * trace.
 */
final class ChatThread implements Executor, ReadMarker.Later, AutoCloseable {
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "gaimace-chat");
            t.setDaemon(true);
            return t;
          });
  private final ChatView view;
  private final LineFormatter format;

  ChatThread(ChatView view, LineFormatter format) {
    this.view = view;
    this.format = format;
  }

  @Override
  public void execute(Runnable task) {
    try {
      thread.execute(() -> guarded(task));
    } catch (RejectedExecutionException closing) {
      // the chat is closing: late events are dropped
    }
  }

  @Override
  public void after(long millis, Runnable task) {
    try {
      thread.schedule(() -> guarded(task), millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      // the chat is closing
    }
  }

  /** Prints the failure of an asynchronous call, if it fails. */
  void reportFailure(CompletableFuture<?> call) {
    call.whenCompleteAsync(
        (result, error) -> {
          if (error != null) {
            failed(error);
          }
        },
        this);
  }

  /** Prints a failure of an asynchronous call; for {@code whenCompleteAsync(..., chatThread)}. */
  void failed(Throwable error) {
    view.print(format.error(asGaimace(error)));
  }

  private void guarded(Runnable task) {
    try {
      task.run();
    } catch (Mistake e) {
      view.print(format.error(e.getMessage()));
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  /** Something typed that cannot be done, said as {@code ! what to do instead}. */
  static final class Mistake extends RuntimeException {
    Mistake(String message) {
      super(message, null, false, false);
    }
  }

  static GaimaceException asGaimace(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof GaimaceException g) {
      return g;
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new GaimaceException(
        e instanceof IllegalArgumentException ? "invalid_request" : "error", reason, e);
  }

  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
