package io.gaimace.cli.chat;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.ReadReceipt;
import io.gaimace.protocol.Typing;
import io.gaimace.sdk.GaimaceListener;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** What an SDK client in a test receives, queued so the test waits for it without sleeping. */
final class Inbox implements GaimaceListener {
  final BlockingQueue<ChatMessage> messages = new LinkedBlockingQueue<>();
  final BlockingQueue<ReadReceipt> reads = new LinkedBlockingQueue<>();
  final BlockingQueue<Typing> typing = new LinkedBlockingQueue<>();
  final BlockingQueue<String> membership = new LinkedBlockingQueue<>();

  @Override
  public void onMessage(ChatMessage message) {
    messages.add(message);
  }

  @Override
  public void onRead(ReadReceipt receipt) {
    reads.add(receipt);
  }

  @Override
  public void onTyping(Typing t) {
    typing.add(t);
  }

  /** As {@code room:change}, e.g. {@code den:added}. */
  @Override
  public void onMembership(String roomId, String change) {
    membership.add(roomId + ":" + change);
  }

  /** The next item that matches, skipping others; fails after {@code wait}. */
  static <T> T next(BlockingQueue<T> queue, Predicate<T> match, Duration wait)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      T item = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
      if (item == null) {
        throw new AssertionError("nothing matching arrived within " + wait);
      }
      if (match.test(item)) {
        return item;
      }
    }
  }
}
