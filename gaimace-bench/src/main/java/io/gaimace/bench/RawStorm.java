package io.gaimace.bench;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The raw side of {@link StormBench}: plain jnats clients through the proxy that recover from
 * JetStream themselves after a reconnect.
 */
final class RawStorm {
  private final BenchEnv env;
  private final CutProxy proxy;
  private final StormBench.Params p;
  String states = "";

  RawStorm(BenchEnv env, CutProxy proxy, StormBench.Params p) {
    this.env = env;
    this.proxy = proxy;
    this.p = p;
  }

  StormBench.Phase run() throws Exception {
    int size = Payloads.storedSize("c0", StormBench.roomId(0), 100);
    StormTracker tracker = new StormTracker(p.clients(), false);
    List<Connection> clients = new ArrayList<>();
    ExecutorService recovery = Executors.newCachedThreadPool();
    try (Connection sender = env.rawConnection()) {
      RawStream.create(sender.jetStreamManagement(), size + 4096);
      JetStream js = sender.jetStream();
      long setup = System.nanoTime();
      clients.addAll(
          ClientThreads.connectAll(
              p.clients(), p.connectThreads(), n -> connect(n, tracker, recovery)));
      double setupSeconds = Latencies.seconds(System.nanoTime() - setup);

      tracker.expect(1);
      StormBench.sendRaw(js, p.rooms(), 1, 0, size);
      if (!tracker.awaitDone(p.timeout().toNanos())) {
        throw new IllegalStateException(
            "warm-up: only " + tracker.complete() + " raw clients got their room's first message");
      }

      tracker.expectAway();
      proxy.cut();
      if (!tracker.awaitAway(p.timeout().toNanos())) {
        throw new IllegalStateException("not every raw client noticed the cut");
      }
      tracker.expect(1 + p.messagesPerRoom());
      double sendSeconds = StormBench.sendRaw(js, p.rooms(), p.messagesPerRoom(), 1, size);
      long t0 = System.nanoTime();
      proxy.heal();
      tracker.awaitDone(p.timeout().toNanos());
      states = tracker.states().toString();
      return new StormBench.Phase(
          tracker.recoveredSince(t0),
          tracker.reconnectedSince(t0),
          tracker.allSecondsSince(t0),
          tracker.complete(),
          tracker.disorder(),
          setupSeconds,
          sendSeconds);
    } finally {
      clients.parallelStream()
          .forEach(
              c -> {
                try {
                  c.close();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      recovery.shutdownNow();
    }
  }

  private Connection connect(int n, StormTracker tracker, ExecutorService recovery)
      throws Exception {
    String room = StormBench.roomId(n / p.roomSize());
    StormTracker.Member member = tracker.member(n);
    Connection c =
        io.nats.client.Nats.connect(
            env.rawOptions(proxy.url())
                .connectionName("storm-raw" + n)
                .reconnectWait(Duration.ofMillis(250))
                .connectionListener(
                    (conn, event) -> {
                      member.state(event.name());
                      if (event == ConnectionListener.Events.DISCONNECTED) {
                        member.disconnected();
                      } else if (event == ConnectionListener.Events.RESUBSCRIBED) {
                        member.reconnected();
                        recovery.execute(() -> recover(conn, room, member));
                      }
                    })
                .build());
    Dispatcher d = c.createDispatcher(m -> member.received(sequence(m)));
    d.subscribe(RawStream.chatSubject(room));
    c.flush(Duration.ofSeconds(10));
    return c;
  }

  private static long sequence(Message m) {
    return Long.parseLong(m.getHeaders().getFirst("Nats-Sequence"));
  }

  /** Reads what the client missed: from after its last message to the subject's newest. */
  private static void recover(Connection c, String room, StormTracker.Member member) {
    String subject = RawStream.storeSubject(room);
    try {
      JetStreamManagement jsm = c.jetStreamManagement();
      long last = jsm.getLastMessage(RawStream.NAME, subject).getSeq();
      long from = member.highestAtAway() + 1;
      if (last < from) {
        return;
      }
      JetStreamSubscription sub =
          c.jetStream()
              .subscribe(
                  subject,
                  PushSubscribeOptions.builder().stream(RawStream.NAME)
                      .ordered(true)
                      .configuration(
                          ConsumerConfiguration.builder()
                              .deliverPolicy(DeliverPolicy.ByStartSequence)
                              .startSequence(from)
                              .build())
                      .build());
      try {
        while (true) {
          Message m = sub.nextMessage(Duration.ofSeconds(5));
          if (m == null) {
            break;
          }
          long seq = m.metaData().streamSequence();
          member.received(seq);
          if (seq >= last) {
            break;
          }
        }
      } finally {
        sub.unsubscribe();
      }
    } catch (Exception e) {
      System.err.println("raw recovery of " + room + " failed: " + e);
    }
  }
}
