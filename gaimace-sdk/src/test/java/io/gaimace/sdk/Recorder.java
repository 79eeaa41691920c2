package io.gaimace.sdk;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.MessageDelete;
import io.gaimace.protocol.MessageEdit;
import io.gaimace.protocol.MessageEvent;
import io.gaimace.protocol.MessageReaction;
import io.gaimace.protocol.Presence;
import io.gaimace.protocol.Profile;
import io.gaimace.protocol.ReadReceipt;
import io.gaimace.protocol.Typing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A listener that queues every event so tests can wait for them without sleeping. */
final class Recorder implements GaimaceListener {
  final BlockingQueue<ChatMessage> messages = new LinkedBlockingQueue<>();
  final BlockingQueue<Presence> presence = new LinkedBlockingQueue<>();
  final BlockingQueue<Typing> typing = new LinkedBlockingQueue<>();
  final BlockingQueue<ReadReceipt> reads = new LinkedBlockingQueue<>();
  final BlockingQueue<Profile> profiles = new LinkedBlockingQueue<>();
  final BlockingQueue<String> membership = new LinkedBlockingQueue<>();
  final BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();

  /** Edits, deletions and reactions, in the order they arrived. */
  final BlockingQueue<MessageEvent> changes = new LinkedBlockingQueue<>();

  @Override
  public void onEdit(MessageEdit e) {
    changes.add(e);
  }

  @Override
  public void onDelete(MessageDelete d) {
    changes.add(d);
  }

  @Override
  public void onReaction(MessageReaction r) {
    changes.add(r);
  }

  @Override
  public void onMessage(ChatMessage message) {
    messages.add(message);
  }

  @Override
  public void onPresence(Presence p) {
    presence.add(p);
  }

  @Override
  public void onTyping(Typing t) {
    typing.add(t);
  }

  @Override
  public void onRead(ReadReceipt r) {
    reads.add(r);
  }

  @Override
  public void onProfile(Profile p) {
    profiles.add(p);
  }

  @Override
  public void onMembership(String roomId, String change) {
    membership.add(roomId + ":" + change);
  }

  @Override
  public void onConnectionState(ConnectionState s) {
    states.add(s);
  }

  /** The next event matching, within the timeout, or an AssertionError. */
  static <T> T next(BlockingQueue<T> queue, Predicate<T> match, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      T t = queue.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (t == null) {
        throw new AssertionError("no matching event within " + timeout);
      }
      if (match.test(t)) {
        return t;
      }
    }
  }

  /** Exactly {@code n} messages (waiting for each), then none more for a short while. */
  static List<ChatMessage> take(BlockingQueue<ChatMessage> queue, int n, Duration timeout)
      throws InterruptedException {
    List<ChatMessage> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(next(queue, m -> true, timeout));
    }
    return out;
  }
}
