package io.gaimace.bench;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * What each storm client has received and when it went away, came back and had everything. Members
 * are called from their clients' threads; the tracker's latches let the benchmark wait on them.
 */
final class StormTracker {
  private final Member[] members;
  private final AtomicLong disorder = new AtomicLong();
  private volatile int target;
  private volatile CountDownLatch done = new CountDownLatch(0);
  private volatile CountDownLatch away = new CountDownLatch(0);

  StormTracker(int clients, boolean ordered) {
    members = new Member[clients];
    for (int i = 0; i < clients; i++) {
      members[i] = new Member(ordered);
    }
  }

  Member member(int i) {
    return members[i];
  }

  /** From now on a client is done when it holds {@code total} messages of its room. */
  void expect(int total) {
    done = new CountDownLatch(members.length);
    target = total;
    for (Member m : members) {
      m.restart();
    }
  }

  /** From now on, count clients that notice their connection dropped. */
  void expectAway() {
    away = new CountDownLatch(members.length);
  }

  boolean awaitDone(long timeoutNanos) throws InterruptedException {
    return done.await(timeoutNanos, TimeUnit.NANOSECONDS);
  }

  boolean awaitAway(long timeoutNanos) throws InterruptedException {
    return away.await(timeoutNanos, TimeUnit.NANOSECONDS);
  }

  long disorder() {
    return disorder.get();
  }

  int complete() {
    int n = 0;
    for (Member m : members) {
      if (m.count() >= target) {
        n++;
      }
    }
    return n;
  }

  /** Seconds from {@code t0} until the last client had everything; NaN if some never did. */
  double allSecondsSince(long t0) {
    long last = 0;
    for (Member m : members) {
      if (m.count() < target) {
        return Double.NaN;
      }
      last = Math.max(last, m.doneAt());
    }
    return Latencies.seconds(last - t0);
  }

  /** How many clients are in each last reported connection state, e.g. {CONNECTED=998, ...}. */
  java.util.Map<String, Integer> states() {
    java.util.Map<String, Integer> out = new java.util.TreeMap<>();
    for (Member m : members) {
      out.merge(m.state(), 1, Integer::sum);
    }
    return out;
  }

  /** Time from {@code t0} until each client had everything. */
  Histogram recoveredSince(long t0) {
    Histogram h = Latencies.histogram();
    for (Member m : members) {
      long at = m.doneAt();
      if (at != 0) {
        Latencies.record(h, at - t0);
      }
    }
    return h;
  }

  /** Time from {@code t0} until each client was connected again. */
  Histogram reconnectedSince(long t0) {
    Histogram h = Latencies.histogram();
    for (Member m : members) {
      long at = m.reconnectedAt();
      if (at != 0) {
        Latencies.record(h, at - t0);
      }
    }
    return h;
  }

  /** One client. */
  final class Member {
    private final boolean ordered;
    private final Set<Long> seen = new HashSet<>();
    private int count;
    private long lastSeq;
    private long doneAt;
    private boolean isAway;
    private long reconnectedAt;
    private long highestAtAway;
    private String state = "CONNECTED";

    Member(boolean ordered) {
      this.ordered = ordered;
    }

    /** A message of the client's room arrived (live or recovered). */
    synchronized void received(long seq) {
      if (ordered) {
        if (seq <= lastSeq) {
          disorder.incrementAndGet();
          return;
        }
        lastSeq = seq;
      } else if (!seen.add(seq)) {
        return;
      }
      count++;
      checkDone();
    }

    synchronized void restart() {
      doneAt = 0;
      checkDone();
    }

    /** The client's last reported connection state, for the report. */
    synchronized void state(String s) {
      state = s;
    }

    synchronized String state() {
      return state;
    }

    synchronized void checkDone() {
      if (count == target && target > 0) {
        doneAt = System.nanoTime();
        done.countDown();
      }
    }

    synchronized void disconnected() {
      if (!isAway) {
        isAway = true;
        highestAtAway = highest();
        reconnectedAt = 0;
        away.countDown();
      }
    }

    synchronized void reconnected() {
      if (isAway) {
        isAway = false;
        reconnectedAt = System.nanoTime();
      }
    }

    /** The highest sequence received when the connection last dropped. */
    synchronized long highestAtAway() {
      return highestAtAway;
    }

    private long highest() {
      return ordered ? lastSeq : seen.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    synchronized int count() {
      return count;
    }

    synchronized long doneAt() {
      return doneAt;
    }

    synchronized long reconnectedAt() {
      return reconnectedAt;
    }
  }
}
