package io.gaimace.sdk.internal;

import io.gaimace.protocol.Typing;
import io.gaimace.protocol.TypingStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Typing indicators both ways: the sender side publishes at most one {@code typing} per dialogue
 * every {@link #THROTTLE_MS}; the receiving side turns an indicator that is not refreshed within
 * {@link #EXPIRE_MS} into a synthetic {@code stopped}, so a crashed typist does not type forever.
 */
public final class TypingTracker {
  static final long THROTTLE_MS = 3000;
  static final long EXPIRE_MS = 6000;

  private final Map<String, Long> lastSent = new ConcurrentHashMap<>();
  private final Map<String, ScheduledFuture<?>> expiries = new ConcurrentHashMap<>();
  private final ScheduledExecutorService events;
  private final Consumer<Typing> deliver;

  public TypingTracker(ScheduledExecutorService events, Consumer<Typing> deliver) {
    this.events = events;
    this.deliver = deliver;
  }

  /** True when a {@code typing} for this dialogue should be published now. */
  public boolean shouldSend(String dialogueId) {
    long now = System.nanoTime();
    Long last = lastSent.get(dialogueId);
    if (last != null && now - last < TimeUnit.MILLISECONDS.toNanos(THROTTLE_MS)) {
      return false;
    }
    lastSent.put(dialogueId, now);
    return true;
  }

  /** The user stopped: the next keystroke sends at once. */
  public void stopped(String dialogueId) {
    lastSent.remove(dialogueId);
  }

  /** An indicator arrived (on the event thread). */
  public void received(Typing t) {
    String key = t.dialogueId() + "/" + t.userId();
    ScheduledFuture<?> old = expiries.remove(key);
    if (old != null) {
      old.cancel(false);
    }
    deliver.accept(t);
    if (t.status() == TypingStatus.TYPING) {
      expiries.put(
          key,
          events.schedule(
              () -> {
                if (expiries.remove(key) != null) {
                  deliver.accept(new Typing(t.userId(), TypingStatus.STOPPED, t.dialogueId()));
                }
              },
              EXPIRE_MS,
              TimeUnit.MILLISECONDS));
    }
  }
}
