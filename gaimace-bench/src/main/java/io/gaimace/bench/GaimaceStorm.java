package io.gaimace.bench;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.sdk.ClientOptions;
import io.gaimace.sdk.ConnectionState;
import io.gaimace.sdk.Gaimace;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.sdk.GaimaceException;
import io.gaimace.sdk.GaimaceListener;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** The Gaimace side of {@link StormBench}: SDK clients through the proxy. */
final class GaimaceStorm {
  private final BenchEnv env;
  private final CutProxy proxy;
  private final StormBench.Params p;
  long authAllowed;
  long authRefused;
  String states = "";
  final AtomicInteger setupRetries = new AtomicInteger();
  final AtomicInteger sendRetries = new AtomicInteger();

  GaimaceStorm(BenchEnv env, CutProxy proxy, StormBench.Params p) {
    this.env = env;
    this.proxy = proxy;
    this.p = p;
  }

  StormBench.Phase run() throws Exception {
    List<String> clientIds = StormBench.ids("c", p.clients());
    List<String> senderIds = StormBench.ids("s", p.senders());
    List<String> all = new ArrayList<>(clientIds);
    all.addAll(senderIds);
    List<String> tokens = env.admin().createUsers(all);
    List<Connection> senders = new ArrayList<>();
    List<GaimaceClient> clients = new ArrayList<>();
    StormTracker tracker = new StormTracker(p.clients(), true);
    try {
      for (int s = 0; s < p.senders(); s++) {
        senders.add(env.userConnection(senderIds.get(s), tokens.get(p.clients() + s)));
      }
      List<CompletableFuture<?>> rooms = new ArrayList<>();
      for (int room = 0; room < p.rooms(); room++) {
        List<String> members = clientIds.subList(room * p.roomSize(), (room + 1) * p.roomSize());
        rooms.add(
            Admin.createRoom(senders.get(room % p.senders()), StormBench.roomId(room), members));
      }
      rooms.forEach(CompletableFuture::join);

      long setup = System.nanoTime();
      clients.addAll(
          ClientThreads.connectAll(
              p.clients(), p.connectThreads(), n -> connect(n, tokens.get(n), tracker)));
      double setupSeconds = Latencies.seconds(System.nanoTime() - setup);

      // Everyone is live: one message per room reaches every member.
      tracker.expect(1);
      StormBench.sendThroughGaimace(senders, p.rooms(), 1, 0, sendRetries);
      if (!tracker.awaitDone(p.timeout().toNanos())) {
        throw new IllegalStateException(
            "warm-up: only " + tracker.complete() + " clients got their room's first message");
      }

      tracker.expectAway();
      proxy.cut();
      if (!tracker.awaitAway(p.timeout().toNanos())) {
        throw new IllegalStateException("not every client noticed the cut");
      }
      tracker.expect(1 + p.messagesPerRoom());
      double sendSeconds =
          StormBench.sendThroughGaimace(senders, p.rooms(), p.messagesPerRoom(), 1, sendRetries);
      long[] authBefore = env.authDecisions();
      long t0 = System.nanoTime();
      proxy.heal();
      tracker.awaitDone(p.timeout().toNanos());
      long[] authAfter = env.authDecisions();
      boolean known = authBefore[0] >= 0 && authAfter[0] >= 0;
      authAllowed = known ? authAfter[0] - authBefore[0] : -1;
      authRefused = known ? authAfter[1] - authBefore[1] : -1;
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
      clients.parallelStream().forEach(GaimaceClient::close);
      for (Connection c : senders) {
        c.close();
      }
    }
  }

  private GaimaceClient connect(int n, String token, StormTracker tracker) {
    String room = StormBench.roomId(n / p.roomSize());
    StormTracker.Member member = tracker.member(n);
    ClientOptions options =
        ClientOptions.builder(token)
            .server(proxy.url())
            .name("storm-c" + n)
            .connectTimeout(Duration.ofSeconds(10))
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    GaimaceClient c = null;
    for (int attempt = 1; c == null; attempt++) {
      try {
        c = Gaimace.connect(options);
      } catch (GaimaceException e) {
        // Set-up, not the measurement: under load the callout can answer after nats-server's
        // 2 s authorization timeout; try again a few times and count it.
        setupRetries.incrementAndGet();
        if (attempt == 10) {
          throw e;
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
    c.addListener(
        new GaimaceListener() {
          @Override
          public void onMessage(ChatMessage m) {
            if (m.dialogueId().equals(room)) {
              member.received(m.seq());
            }
          }

          @Override
          public void onConnectionState(ConnectionState state) {
            member.state(state.name());
            if (state == ConnectionState.RECONNECTING) {
              member.disconnected();
            } else if (state == ConnectionState.RECONNECTED) {
              member.reconnected();
            }
          }
        });
    return c;
  }
}
