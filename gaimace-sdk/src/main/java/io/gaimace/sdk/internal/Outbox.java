package io.gaimace.sdk.internal;

import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.SendAck;
import io.gaimace.protocol.api.SendRequest;
import io.gaimace.sdk.GaimaceException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;

/**
 * Sends messages one after another, in the order they were given, and keeps each until the server
 * acknowledges it. A send that fails for a transient reason (no answer, connection down, rate
 * limit) is sent again with the same client id, which the server's duplicate detection turns into
 * one stored message. Runs on its own thread.
 */
public final class Outbox implements AutoCloseable {
  private record Pending(SendRequest request, CompletableFuture<SendAck> result) {}

  private final Api api;
  private final BooleanSupplier connected;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread worker;
  private volatile boolean closed;

  public Outbox(Api api, BooleanSupplier connected) {
    this.api = api;
    this.connected = connected;
    this.worker = new Thread(this::run, "gaimace-outbox");
    worker.setDaemon(true);
    worker.start();
  }

  public CompletableFuture<SendAck> submit(SendRequest request) {
    CompletableFuture<SendAck> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(
          new GaimaceException(GaimaceException.CLOSED, "the client is closed"));
      return result;
    }
    queue.add(new Pending(request, result));
    return result;
  }

  /** Messages waiting to be acknowledged. */
  public int pending() {
    return queue.size();
  }

  private void run() {
    try {
      while (!closed) {
        // Blocks without waking while idle (close() interrupts it): thousands of idle clients
        // in one process must not cost CPU.
        deliver(queue.take());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Pending p;
    while ((p = queue.poll()) != null) {
      p.result()
          .completeExceptionally(
              new GaimaceException(GaimaceException.CLOSED, "the client closed before sending"));
    }
  }

  private void deliver(Pending p) throws InterruptedException {
    long backoff = 100;
    while (!closed) {
      if (!connected.getAsBoolean()) {
        Thread.sleep(50); // waiting for the connection to come back; not a test
        continue;
      }
      try {
        p.result().complete(api.call(ApiSubjects.SEND, p.request(), SendAck.class).join());
        return;
      } catch (RuntimeException e) {
        if (!Api.isTransient(e)) {
          p.result().completeExceptionally(e.getCause() != null ? e.getCause() : e);
          return;
        }
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 2000);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    worker.interrupt();
  }
}
