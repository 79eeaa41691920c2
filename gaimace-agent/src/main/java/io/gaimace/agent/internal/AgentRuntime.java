package io.gaimace.agent.internal;

import io.gaimace.agent.AgentFailure;
import io.gaimace.agent.AgentHandler;
import io.gaimace.agent.AgentLimits;
import io.gaimace.agent.DialogueContext;
import io.gaimace.protocol.AgentMeta;
import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Profile;
import io.gaimace.protocol.StreamEvent;
import io.gaimace.protocol.UserKind;
import io.gaimace.protocol.api.SendRequest;
import io.gaimace.protocol.api.StreamStartRequest;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.sdk.GaimaceListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an agent on a connected client: takes its messages, decides ({@link Dispatch}), and answers
 * on a bounded pool ({@code maxConcurrent} workers, a short queue, a per-minute rate). Each answer
 * opens a reply stream, runs the handler with a bounded context, and ends the stream (one stored
 * message), or cancels it and posts an error notice when the handler fails or times out. Nothing a
 * handler does stops the runtime.
 */
public final class AgentRuntime implements GaimaceListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);
  private static final Duration CALL = Duration.ofSeconds(10);

  private final GaimaceClient client;
  private final AgentHandler handler;
  private final AgentLimits limits;
  private final Dispatch dispatch;
  private final java.util.function.Supplier<Profile> self;
  private final ThreadPoolExecutor workers;
  private final ExecutorService bodies;
  private final java.util.concurrent.ScheduledExecutorService flusher;
  private final RateWindow rate;
  private final Map<String, StreamWriter> live = new ConcurrentHashMap<>();
  private final Map<String, Boolean> agents = new ConcurrentHashMap<>();
  private final AtomicInteger answered = new AtomicInteger();

  public AgentRuntime(
      GaimaceClient client,
      AgentHandler handler,
      AgentLimits limits,
      Dispatch dispatch,
      java.util.function.Supplier<Profile> self) {
    this.client = client;
    this.handler = handler;
    this.limits = limits;
    this.dispatch = dispatch;
    this.self = self;
    this.rate = new RateWindow(limits.perMinute(), Duration.ofMinutes(1));
    this.workers =
        new ThreadPoolExecutor(
            limits.maxConcurrent(),
            limits.maxConcurrent(),
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(32),
            daemon("gaimace-agent-" + client.userId()));
    this.bodies = Executors.newCachedThreadPool(daemon("gaimace-agent-handler"));
    this.flusher = Executors.newSingleThreadScheduledExecutor(daemon("gaimace-agent-flush"));
    long every = StreamWriter.BATCH.toMillis();
    flusher.scheduleWithFixedDelay(this::flushAll, every, every, TimeUnit.MILLISECONDS);
  }

  /** Sends text that waits in a buffer because the handler paused between pieces. */
  private void flushAll() {
    for (StreamWriter w : live.values()) {
      try {
        client.typing(w.dialogueId()); // the SDK sends it every few seconds only
        w.flushIfDue();
      } catch (RuntimeException e) {
        LOG.debug("cannot flush reply {}", w.streamId(), e);
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Answers started since the runtime began (for tests and monitoring). */
  public int answered() {
    return answered.get();
  }

  @Override
  public void onMessage(ChatMessage m) {
    try {
      workers.execute(() -> consider(m));
    } catch (RejectedExecutionException e) {
      LOG.warn("busy: not answering message {} in {}", m.id(), m.dialogueId());
    }
  }

  @Override
  public void onStream(StreamEvent e) {
    if (StreamEvent.CANCELLED.equals(e.state())) {
      StreamWriter w = live.get(e.streamId());
      if (w != null) {
        w.markCancelled();
      }
    }
  }

  private void consider(ChatMessage m) {
    Decision d = dispatch.decide(m, this::isAgent);
    if (!d.answer()) {
      LOG.debug("not answering {} from {}: {}", m.id(), m.sender(), d.reason());
      return;
    }
    if (!rate.tryAcquire()) {
      LOG.warn("rate limit ({} a minute): not answering {}", limits.perMinute(), m.id());
      return;
    }
    answered.incrementAndGet();
    LOG.debug("answering {} from {}: {}", m.id(), m.sender(), d.reason());
    answer(m, d.reply());
  }

  private void answer(ChatMessage m, AgentMeta reply) {
    StreamWriter writer = null;
    try {
      DialogueContext context =
          new DialogueContext(
              m,
              ContextWindow.of(m, fetch(m), limits),
              self.get(),
              reply == null ? null : reply.flow());
      String streamId =
          client
              .startStream(new StreamStartRequest(m.dialogueId(), m.id(), reply))
              .get(CALL.toMillis(), TimeUnit.MILLISECONDS)
              .streamId();
      StreamWriter w = new StreamWriter(client, streamId, m.dialogueId(), CALL);
      writer = w;
      live.put(streamId, w);
      Future<?> body =
          bodies.submit(
              () -> {
                handler.answer(context, w);
                return null;
              });
      try {
        body.get(limits.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        body.cancel(true);
        throw new AgentFailure(
            "agent_timeout", "no answer within " + limits.answerTimeout().toSeconds() + " s");
      }
      if (!w.flush() || w.isCancelled()) {
        LOG.info("reply {} to {} was cancelled", streamId, m.id());
        return;
      }
      if (w.text().isBlank()) {
        throw new AgentFailure("empty_answer", "the answer came out empty");
      }
      client.endStream(streamId).get(CALL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      fail(m, reply, writer, e);
    } finally {
      if (writer != null) {
        live.remove(writer.streamId());
      }
    }
  }

  /** Cancels the stream (nothing stored) and posts an error notice instead. */
  private void fail(ChatMessage m, AgentMeta reply, StreamWriter writer, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    Throwable cause =
        e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
            ? e.getCause()
            : e;
    String code = cause instanceof AgentFailure f ? f.code() : "agent_failed";
    String reason = cause instanceof AgentFailure ? cause.getMessage() : describe(cause);
    LOG.warn("failed to answer {}: {} ({})", m.id(), reason, code);
    if (writer != null && writer.isCancelled()) {
      return; // cancelled meanwhile: nobody waits for an answer
    }
    if (writer != null) {
      client.cancelStream(writer.streamId()).exceptionally(x -> null);
    }
    AgentMeta meta =
        new AgentMeta(
            null, reply == null ? 1 : reply.hops(), reply == null ? null : reply.flow(), code);
    String name = self.get().name();
    client
        .post(
            new SendRequest(
                m.dialogueId(),
                null,
                "⚠ " + name + " could not answer: " + reason,
                null,
                m.id(),
                null,
                meta))
        .exceptionally(
            x -> {
              LOG.warn("cannot post the error notice", x);
              return null;
            });
  }

  private static String describe(Throwable t) {
    String text = t.getMessage();
    return text == null || text.isBlank() ? t.getClass().getSimpleName() : text;
  }

  private List<ChatMessage> fetch(ChatMessage m) throws Exception {
    return client
        .history(m.dialogueId(), null, limits.contextMessages())
        .get(CALL.toMillis(), TimeUnit.MILLISECONDS)
        .messages();
  }

  private boolean isAgent(String userId) {
    return agents.computeIfAbsent(
        userId,
        u -> {
          try {
            return client.profile(u).get(CALL.toMillis(), TimeUnit.MILLISECONDS).kind()
                == UserKind.AGENT;
          } catch (Exception e) {
            return false;
          }
        });
  }

  @Override
  public void close() {
    flusher.shutdownNow();
    workers.shutdownNow();
    bodies.shutdownNow();
  }
}
