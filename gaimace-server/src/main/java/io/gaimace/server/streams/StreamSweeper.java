package io.gaimace.server.streams;

import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.StreamEvent;
import io.gaimace.protocol.TypingStatus;
import io.gaimace.server.nats.Buckets;
import io.nats.client.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels reply streams whose agent died: an open stream without an append (or start) for {@link
 * #EXPIRE_AFTER} is set {@code cancelled} without {@code by} and announced. Every instance sweeps
 * every 15 s; the compare-and-set lets one of them win each stream.
 */
public final class StreamSweeper implements AutoCloseable {
  /** An open stream without an append for this long is cancelled as expired. */
  public static final Duration EXPIRE_AFTER = Duration.ofSeconds(90);

  private static final Logger LOG = LoggerFactory.getLogger(StreamSweeper.class);

  private final Buckets<StreamRecord> streams;
  private final StreamAnnouncer announce;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "gaimace-stream-sweep");
            t.setDaemon(true);
            return t;
          });

  public StreamSweeper(Buckets<StreamRecord> streams, Connection chat, Clock clock) {
    this.streams = streams;
    this.announce = new StreamAnnouncer(chat);
    this.clock = clock;
  }

  public void start() {
    timer.scheduleWithFixedDelay(this::sweepQuietly, 15, 15, TimeUnit.SECONDS);
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("cannot expire abandoned reply streams", e);
    }
  }

  /** One pass; {@code typing_at} is the stream's activity clock (moved at least every 2 s). */
  void sweep() {
    Instant limit = clock.instant().minus(EXPIRE_AFTER);
    for (String key : streams.keys("*")) {
      streams
          .getVersioned(key)
          .filter(v -> v.value().open() && v.value().typingAt().isBefore(limit))
          .ifPresent(
              v -> {
                StreamRecord expired = v.value().finished(StreamEvent.CANCELLED, null, null);
                if (streams.update(key, expired, v.revision())) {
                  Dialogue dialogue = Dialogue.parse(expired.dialogueId());
                  announce.event(dialogue, expired.event(null));
                  announce.typing(dialogue, expired.sender(), TypingStatus.STOPPED);
                }
              });
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
