package io.gaimace.server.presence;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.Ids;
import io.gaimace.protocol.Presence;
import io.gaimace.protocol.PresenceStatus;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.Subjects;
import io.gaimace.protocol.api.PresenceList;
import io.gaimace.protocol.api.PresenceRequest;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Caller;
import io.gaimace.server.api.Check;
import io.gaimace.server.nats.Accounts;
import io.gaimace.server.nats.Buckets;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is online (the protocol's disconnect timeout). The NATS server reports every connect and
 * disconnect of the CHAT account as a system event; one instance handles each (queue group). A
 * connect records the connection and makes the user online; when a user's last connection ends, the
 * user stays online for the grace period and is then announced {@code offline} on {@code
 * presence.<user>}, which every user may watch. Announcements go out exactly once, however many
 * instances run, because the status change is a compare-and-set on the presence bucket and only its
 * winner publishes. A periodic sweep finishes what an instance that died during a grace period left
 * undone.
 */
public final class PresenceService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PresenceService.class);
  static final String CONNECT = "$SYS.ACCOUNT." + Accounts.CHAT + ".CONNECT";
  static final String DISCONNECT = "$SYS.ACCOUNT." + Accounts.CHAT + ".DISCONNECT";

  private final Connection sys;
  private final Connection chat;
  private final Buckets<ConnectionRecord> connections;
  private final Buckets<PresenceRecord> presence;
  private final Notifier notifier;
  private final Duration grace;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "gaimace-presence");
            t.setDaemon(true);
            return t;
          });

  /** Every how many sweeps the recorded connections are checked against the NATS servers. */
  private static final int RECONCILE_EVERY = 10;

  private int sweeps;
  private Dispatcher sysDispatcher;
  private Dispatcher chatDispatcher;

  public PresenceService(
      Connection sys,
      Connection chat,
      Buckets<ConnectionRecord> connections,
      Buckets<PresenceRecord> presence,
      Notifier notifier,
      Duration grace,
      Clock clock) {
    this.sys = sys;
    this.chat = chat;
    this.connections = connections;
    this.presence = presence;
    this.notifier = notifier;
    this.grace = grace;
    this.clock = clock;
  }

  public void start() {
    reconcile();
    sysDispatcher = sys.createDispatcher(this::onSystemEvent);
    sysDispatcher.subscribe(CONNECT, "gaimace-presence");
    sysDispatcher.subscribe(DISCONNECT, "gaimace-presence");
    chatDispatcher = chat.createDispatcher(this::onClientPresence);
    chatDispatcher.subscribe("presence.*", "gaimace-presence");
    long sweep = Math.max(1000, grace.toMillis());
    timer.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
  }

  /**
   * Forgets recorded connections that no NATS server reports any more (they ended while no Gaimace
   * instance was running); the sweep then announces those users offline. Only entries recorded
   * before the question was asked are dropped, so a connection made meanwhile is kept.
   */
  void reconcile() {
    Instant asked = clock.instant();
    java.util.Set<String> live = new java.util.HashSet<>();
    java.util.Set<String> answered = new java.util.HashSet<>();
    io.nats.client.Subscription sub = sys.subscribe(sys.createInbox());
    try {
      sys.publish(
          "$SYS.REQ.ACCOUNT." + Accounts.CHAT + ".CONNZ",
          sub.getSubject(),
          "{\"limit\":100000}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      Message m;
      while ((m = sub.nextMessage(Duration.ofMillis(500))) != null) {
        JsonNode reply = ProtocolCodec.mapper().readTree(m.getData());
        String serverId = reply.path("server").path("id").asText("");
        answered.add(serverId);
        for (JsonNode c : reply.path("data").path("connections")) {
          live.add(serverId + "." + c.path("cid").asLong());
        }
      }
      for (ConnectionRecord c : connections.values("*.*.*")) {
        // A server that did not answer is gone (a restarted nats-server has a new id), and so
        // are its connections; a server that answered lists what is live.
        boolean gone = !answered.isEmpty() && !live.contains(c.serverId() + "." + c.cid());
        if (gone && c.connectedAt().isBefore(asked)) {
          connections.delete(c.key());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("cannot reconcile connections with the NATS servers", e);
    } finally {
      sub.unsubscribe();
    }
  }

  private void onSystemEvent(Message msg) {
    try {
      JsonNode event = ProtocolCodec.mapper().readTree(msg.getData());
      String user = event.path("client").path("user").asText("");
      if (!Ids.isValid(user)) {
        user = event.path("client").path("name_tag").asText("");
      }
      if (!Ids.isValid(user) || Accounts.isReserved(user)) {
        return; // the server's own connections and anything not a Gaimace user
      }
      String serverId = event.path("server").path("id").asText("");
      long cid = event.path("client").path("id").asLong(-1);
      if (msg.getSubject().equals(CONNECT)) {
        connected(user, serverId, cid);
      } else {
        disconnected(user, serverId, cid);
      }
    } catch (Exception e) {
      LOG.warn("cannot handle system event on {}", msg.getSubject(), e);
    }
  }

  void connected(String user, String serverId, long cid) {
    Instant now = clock.instant();
    connections.put(
        ConnectionRecord.key(user, serverId, cid), new ConnectionRecord(user, serverId, cid, now));
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<Buckets.Versioned<PresenceRecord>> v = presence.getVersioned(user);
      if (v.isPresent() && v.get().value().status() != PresenceStatus.OFFLINE) {
        // Already online or away: a further connection changes nothing others see.
        PresenceRecord r = v.get().value();
        if (r.disconnectedAt() == null
            || presence.update(
                user, new PresenceRecord(user, r.status(), now, null), v.get().revision())) {
          return;
        }
        continue;
      }
      PresenceRecord online = new PresenceRecord(user, PresenceStatus.ONLINE, now, null);
      boolean written =
          v.isEmpty()
              ? presence.create(user, online)
              : presence.update(user, online, v.get().revision());
      if (written) {
        notifier.publish(Subjects.presence(user), online.presence());
        return;
      }
    }
  }

  void disconnected(String user, String serverId, long cid) {
    connections.delete(ConnectionRecord.key(user, serverId, cid));
    if (!hasConnections(user)) {
      Instant now = clock.instant();
      presence
          .getVersioned(user)
          .ifPresent(
              v -> {
                PresenceRecord r = v.value();
                if (r.status() != PresenceStatus.OFFLINE) {
                  presence.update(
                      user, new PresenceRecord(user, r.status(), now, now), v.revision());
                }
              });
      if (!timer.isShutdown()) {
        // While this instance stops, the sweep of the next running instance announces it.
        timer.schedule(() -> expire(user), grace.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private boolean hasConnections(String user) {
    return !connections.keys(user + ".*.*").isEmpty();
  }

  /** Announces offline if the user has had no connection for the whole grace period. */
  private void expire(String user) {
    try {
      if (hasConnections(user)) {
        return;
      }
      Optional<Buckets.Versioned<PresenceRecord>> v = presence.getVersioned(user);
      if (v.isEmpty() || v.get().value().status() == PresenceStatus.OFFLINE) {
        return;
      }
      PresenceRecord r = v.get().value();
      Instant gone = r.disconnectedAt() != null ? r.disconnectedAt() : clock.instant();
      if (clock.instant().isBefore(gone.plus(grace))) {
        return; // a newer disconnect restarted the grace period; its timer or the sweep will come
      }
      PresenceRecord offline = new PresenceRecord(user, PresenceStatus.OFFLINE, gone, gone);
      if (presence.update(user, offline, v.get().revision())) {
        notifier.publish(Subjects.presence(user), offline.presence());
        LOG.info("{} is offline", user);
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot expire presence of {}", user, e);
    }
  }

  private void sweep() {
    if (++sweeps % RECONCILE_EVERY == 0) {
      reconcile();
    }
    try {
      for (PresenceRecord r : presence.values("*")) {
        if (r.status() != PresenceStatus.OFFLINE && r.disconnectedAt() != null) {
          expire(r.userId());
        } else if (r.status() != PresenceStatus.OFFLINE && !hasConnections(r.userId())) {
          markDisconnected(r.userId());
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("presence sweep failed", e);
    }
  }

  private void markDisconnected(String user) {
    Instant now = clock.instant();
    presence
        .getVersioned(user)
        .ifPresent(
            v -> {
              PresenceRecord r = v.value();
              if (r.disconnectedAt() == null) {
                presence.update(user, new PresenceRecord(user, r.status(), now, now), v.revision());
              }
            });
  }

  /** A client published its own status (online, away or offline) on {@code presence.<me>}. */
  private void onClientPresence(Message msg) {
    if (msg.hasHeaders() && msg.getHeaders().containsKey(Notifier.ORIGIN_HEADER)) {
      return; // our own announcement
    }
    try {
      String user = msg.getSubject().substring("presence.".length());
      Presence p = ProtocolCodec.decode(msg.getData(), Presence.class);
      if (!p.userId().equals(user)) {
        return;
      }
      change(user, p.status());
    } catch (RuntimeException e) {
      LOG.debug("ignoring malformed presence on {}", msg.getSubject());
    }
  }

  /** Sets a status a client published itself, by compare-and-set (it announced it already). */
  private void change(String user, PresenceStatus status) {
    Instant now = clock.instant();
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<Buckets.Versioned<PresenceRecord>> v = presence.getVersioned(user);
      Instant disconnectedAt = v.map(x -> x.value().disconnectedAt()).orElse(null);
      PresenceRecord next = new PresenceRecord(user, status, now, disconnectedAt);
      boolean written =
          v.isEmpty()
              ? presence.create(user, next)
              : presence.update(user, next, v.get().revision());
      if (written) {
        return;
      }
    }
  }

  public PresenceList list(Caller caller, PresenceRequest req) throws ApiException {
    List<Presence> out = new ArrayList<>();
    if (req.userIds() == null) {
      presence.values("*").forEach(r -> out.add(r.presence()));
    } else {
      if (req.userIds().size() > 1000) {
        throw ApiException.invalid("ask for at most 1000 users at once");
      }
      for (String id : req.userIds()) {
        Check.id(id, "user_ids");
        out.add(
            presence
                .get(id)
                .map(PresenceRecord::presence)
                .orElse(new Presence(id, PresenceStatus.OFFLINE, null)));
      }
    }
    return new PresenceList(out);
  }

  /** How many users are online now (for metrics). */
  public long onlineCount() {
    return presence.values("*").stream().filter(r -> r.status() != PresenceStatus.OFFLINE).count();
  }

  @Override
  public void close() {
    timer.shutdown();
    try {
      timer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (sysDispatcher != null) {
      sys.closeDispatcher(sysDispatcher);
    }
    if (chatDispatcher != null) {
      chat.closeDispatcher(chatDispatcher);
    }
  }
}
