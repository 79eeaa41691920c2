package io.gaimace.sdk.internal;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.GaimaceMessage;
import io.gaimace.protocol.MessageEvent;
import io.gaimace.protocol.Presence;
import io.gaimace.protocol.PresenceStatus;
import io.gaimace.protocol.Profile;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.ReadReceipt;
import io.gaimace.protocol.Subjects;
import io.gaimace.protocol.Typing;
import io.gaimace.protocol.TypingStatus;
import io.gaimace.protocol.TypingSubject;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.DialogueList;
import io.gaimace.protocol.api.DialogueSummary;
import io.gaimace.protocol.api.HistoryPage;
import io.gaimace.protocol.api.HistoryRequest;
import io.gaimace.protocol.api.MentionEvent;
import io.gaimace.protocol.api.RoomInfo;
import io.gaimace.protocol.api.UserEvent;
import io.gaimace.sdk.ClientOptions;
import io.gaimace.sdk.ConnectionState;
import io.gaimace.sdk.GaimaceException;
import io.gaimace.sdk.GaimaceListener;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live side of a client: its NATS connection, subscriptions, event thread and the trackers that
 * keep delivery exact. Every incoming message is handed from the NATS dispatcher to the one event
 * thread, which also runs recovery, so listeners see each dialogue in order.
 */
public final class Session implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  private final String me;
  private final ScheduledExecutorService events;
  private final Listeners listeners = new Listeners();
  private final Map<String, List<String>> roomSubjects = new ConcurrentHashMap<>();
  private volatile ConnectionState state = ConnectionState.CONNECTED;
  private volatile PresenceStatus status = PresenceStatus.ONLINE;
  private volatile boolean closing;
  private ClientOptions options;
  private volatile Connection nc;
  private volatile Dispatcher dispatcher;
  private Api api;
  private Outbox outbox;
  private DialogueTracker tracker;
  private TypingTracker typing;
  private volatile java.util.function.Supplier<Profile> rollCallAnswer;

  private Session(String userId) {
    this.me = userId;
    this.events =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gaimace-events-" + userId);
              t.setDaemon(true);
              return t;
            });
  }

  public static Session open(ClientOptions options) {
    Session s = new Session(options.userId());
    try {
      s.connect(options);
      return s;
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private void connect(ClientOptions options) {
    this.options = options;
    try {
      dial();
    } catch (IOException e) {
      String text = String.valueOf(e.getMessage());
      if (text.contains("Authorization") || text.contains("Authentication")) {
        throw new GaimaceException(GaimaceException.UNAUTHORIZED, "the token was refused", e);
      }
      throw new GaimaceException(Api.UNAVAILABLE, "cannot reach NATS at " + options.servers(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GaimaceException(GaimaceException.CLOSED, "interrupted while connecting", e);
    }
    api = new Api(() -> nc, options.requestTimeout());
    tracker = new DialogueTracker(api, listeners::deliver);
    typing = new TypingTracker(events, t -> emit(l -> l.onTyping(t)));
    outbox = new Outbox(api, () -> nc.getStatus() == Connection.Status.CONNECTED);
    DialogueList dialogues = api.call(ApiSubjects.DIALOGUES, Map.of(), DialogueList.class).join();
    for (DialogueSummary d : dialogues.dialogues()) {
      if (d.kind().equals(DialogueSummary.ROOM)) {
        subscribeRoom(d.dialogueId());
      }
      tracker.track(d.dialogueId(), d.lastSeq());
    }
    publishPresence(status);
  }

  /** Opens a NATS connection and subscribes to everything the user listens to. */
  private void dial() throws IOException, InterruptedException {
    Options nats =
        new Options.Builder()
            .servers(options.servers().toArray(String[]::new))
            .token(options.token().toCharArray())
            .inboxPrefix("_INBOX_" + me)
            .connectionName(options.name())
            .connectionTimeout(options.connectTimeout())
            .maxReconnects(-1)
            .reconnectDelayHandler(new Backoff())
            .connectionListener(this::onConnectionEvent)
            .errorListener(new io.nats.client.ErrorListener() {})
            .build();
    Connection fresh = Nats.connect(nats);
    Dispatcher d = fresh.createDispatcher(msg -> events.execute(() -> handle(msg)));
    for (String s : Subjects.directWildcards(me)) {
      subscribeChat(d, s);
    }
    for (String s : Subjects.typingDirectWildcards(me)) {
      d.subscribe(s);
    }
    d.subscribe(Subjects.ALL_PRESENCE);
    d.subscribe("profile.*");
    d.subscribe(ApiSubjects.userEvents(me));
    for (List<String> room : roomSubjects.values()) {
      subscribeChat(d, room.get(0));
      room.subList(1, room.size()).forEach(d::subscribe);
    }
    if (rollCallAnswer != null) {
      d.subscribe(io.gaimace.protocol.AgentSubjects.ROLL_CALL, me);
    }
    nc = fresh;
    dispatcher = d;
  }

  /**
   * jnats gives up on a connection that is refused twice in a row while reconnecting, which is what
   * happens when NATS restarts before a Gaimace server answers its auth callout. The session then
   * dials anew, with back-off, until it is closed or the token has been refused for a minute.
   */
  private void redial(int attempt, int refusals) {
    if (closing) {
      return;
    }
    try {
      dial();
      LOG.info("reconnected to Gaimace with a new connection");
      afterReconnect();
    } catch (IOException e) {
      boolean refused = String.valueOf(e.getMessage()).contains("Authorization");
      int nextRefusals = refused ? refusals + 1 : 0;
      if (nextRefusals >= 30) {
        LOG.warn("the token has been refused {} times; giving up", nextRefusals);
        setState(ConnectionState.CLOSED);
        return;
      }
      long delay = Backoff.millis(attempt + 1);
      events.schedule(() -> redial(attempt + 1, nextRefusals), delay, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String userId() {
    return me;
  }

  public Api api() {
    return api;
  }

  public Outbox outbox() {
    return outbox;
  }

  public ConnectionState state() {
    return state;
  }

  public void addListener(GaimaceListener l) {
    listeners.add(l);
  }

  public void removeListener(GaimaceListener l) {
    listeners.remove(l);
  }

  private void subscribeRoom(String roomId) {
    roomSubjects.computeIfAbsent(
        roomId,
        r -> {
          List<String> subjects = List.of(Subjects.room(r), Subjects.typingRoom(r));
          subscribeChat(dispatcher, subjects.get(0));
          dispatcher.subscribe(subjects.get(1));
          return subjects;
        });
  }

  /** The user gained a room: re-authorize (new permissions), subscribe, start at its newest. */
  public CompletableFuture<RoomInfo> roomGained(RoomInfo room) {
    return CompletableFuture.supplyAsync(
        () -> {
          gainRoom(room.roomId());
          return room;
        },
        events);
  }

  /** On the event thread: new messages of the room are delivered from now on. */
  private void gainRoom(String roomId) {
    if (roomSubjects.containsKey(roomId)) {
      return;
    }
    reauthorize();
    subscribeRoom(roomId);
    HistoryPage newest =
        api.call(ApiSubjects.HISTORY, new HistoryRequest(roomId, null, null, 1), HistoryPage.class)
            .join();
    tracker.track(roomId, newest.messages().isEmpty() ? 0 : newest.messages().get(0).seq());
  }

  /** The user lost a room: stop listening to it. */
  public void roomLost(String roomId) {
    events.execute(() -> dropRoom(roomId));
  }

  /** On the event thread: no more messages of the room. */
  private void dropRoom(String roomId) {
    List<String> subjects = roomSubjects.remove(roomId);
    if (subjects != null) {
      subjects.forEach(s -> dispatcher.unsubscribe(s));
    }
    tracker.forget(roomId);
  }

  /**
   * Reconnects so the auth callout issues the user's current permissions, and waits until the new
   * connection is up (requests made while it is down would be cancelled).
   */
  private void reauthorize() {
    try {
      nc.forceReconnect();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (nc.getStatus() != Connection.Status.CONNECTED && System.nanoTime() < deadline) {
        Thread.sleep(5); // the connection comes back within milliseconds
      }
    } catch (IOException e) {
      LOG.warn("cannot re-authorize", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void typing(String dialogueId, boolean on) {
    Dialogue d = Dialogue.parse(dialogueId);
    if (on && !typing.shouldSend(dialogueId)) {
      return;
    }
    if (!on) {
      typing.stopped(dialogueId);
    }
    Typing t = new Typing(me, on ? TypingStatus.TYPING : TypingStatus.STOPPED, dialogueId);
    nc.publish(Subjects.typing(d), ProtocolCodec.encode(t));
  }

  /** Publishes the user's status; a status other than online is announced again on reconnect. */
  public void publishPresence(PresenceStatus status) {
    if (status != PresenceStatus.OFFLINE) {
      this.status = status;
    }
    nc.publish(Subjects.presence(me), ProtocolCodec.encode(new Presence(me, status, null)));
  }

  /** A chat subject: shared with the user's other clients when a queue group is set. */
  private void subscribeChat(Dispatcher d, String subject) {
    if (options.queueGroup() == null) {
      d.subscribe(subject);
    } else {
      d.subscribe(subject, options.queueGroup());
    }
  }

  /**
   * Answers roll calls ({@code agents.rollcall}) with the supplied profile from now on. Replicas of
   * one agent answer once (queue group named after the user). Only agents may subscribe to it.
   */
  public void answerRollCall(java.util.function.Supplier<Profile> profile) {
    boolean first = rollCallAnswer == null;
    rollCallAnswer = profile;
    if (first) {
      dispatcher.subscribe(io.gaimace.protocol.AgentSubjects.ROLL_CALL, me);
    }
  }

  /** Publishes a roll call and gathers the profiles that answer within {@code window}. */
  public List<Profile> rollCall(Duration window) throws InterruptedException {
    return RollCall.gather(nc, window);
  }

  private void handle(Message msg) {
    if (msg.getSubject().equals(ApiSubjects.userEvents(me))) {
      onUserEvent(msg);
      return;
    }
    if (msg.getSubject().equals(io.gaimace.protocol.AgentSubjects.ROLL_CALL)) {
      RollCall.answer(nc, msg, rollCallAnswer);
      return;
    }
    if (StreamEvents.isStreamEvent(msg.getData())) {
      StreamEvents.read(msg.getData())
          .ifPresentOrElse(
              e -> emit(l -> l.onStream(e)),
              () -> LOG.debug("ignoring an unreadable stream event on {}", msg.getSubject()));
      return;
    }
    try {
      GaimaceMessage m = ProtocolCodec.decode(msg.getData());
      String subject = msg.getSubject();
      if (m instanceof ChatMessage chat) {
        onLogEntry(chat, chat.dialogueId(), msg);
      } else if (m instanceof MessageEvent e) {
        onLogEntry(m, e.dialogueId(), msg);
      } else if (m instanceof ReadReceipt r) {
        emit(l -> l.onRead(r));
      } else if (m instanceof Presence p && subject.equals(Subjects.presence(p.userId()))) {
        emit(l -> l.onPresence(p));
      } else if (m instanceof Typing t && !t.userId().equals(me)) {
        Dialogue d = ((TypingSubject) Subjects.parse(subject)).dialogue();
        typing.received(new Typing(t.userId(), t.status(), d.id()));
      } else if (m instanceof Profile p && subject.equals(ApiSubjects.profile(p.userId()))) {
        emit(l -> l.onProfile(p));
      }
    } catch (RuntimeException e) {
      LOG.debug("ignoring unreadable message on {}", msg.getSubject());
    }
  }

  /**
   * A message or a change from a dialogue's log, live: tracked for gaps by its stream sequence.
   * Only what the stream republished carries {@code Nats-Sequence}; anything else is not stored.
   */
  private void onLogEntry(GaimaceMessage entry, String dialogueId, Message msg) {
    String seqHeader = msg.getHeaders() == null ? null : msg.getHeaders().getFirst("Nats-Sequence");
    if (seqHeader == null) {
      return;
    }
    long seq = Long.parseLong(seqHeader);
    String prev = msg.getHeaders().getFirst("Nats-Last-Sequence");
    GaimaceMessage stamped =
        entry instanceof ChatMessage chat
            ? chat.toBuilder().seq(seq).build()
            : (GaimaceMessage) ((MessageEvent) entry).withSeq(seq);
    if (options.queueGroup() != null && stamped instanceof ChatMessage m) {
      emit(l -> l.onMessage(m)); // a replica: other replicas get the rest; no recovery
      return;
    }
    tracker.live(stamped, dialogueId, seq, prev == null ? 0 : Long.parseLong(prev));
  }

  private void onUserEvent(Message msg) {
    try {
      UserEvent e = ProtocolCodec.mapper().readValue(msg.getData(), UserEvent.class);
      if (MentionEvent.TYPE.equals(e.type())) {
        MentionEvent mention = ProtocolCodec.mapper().readValue(msg.getData(), MentionEvent.class);
        emit(l -> l.onMention(mention));
        return;
      }
      if (!UserEvent.MEMBERSHIP.equals(e.type()) || e.roomId() == null) {
        return;
      }
      if ("added".equals(e.change())) {
        if (me.equals(e.by())) {
          return; // our own create or join: handled when its reply arrives (roomGained)
        }
        gainRoom(e.roomId());
      } else {
        dropRoom(e.roomId());
      }
      emit(l -> l.onMembership(e.roomId(), e.change()));
    } catch (IOException | RuntimeException ex) {
      LOG.debug("ignoring unreadable user event", ex);
    }
  }

  private void onConnectionEvent(Connection conn, ConnectionListener.Events event) {
    switch (event) {
      case DISCONNECTED -> setState(ConnectionState.RECONNECTING);
      case RESUBSCRIBED -> events.execute(this::afterReconnect);
      case CLOSED -> {
        if (closing) {
          setState(ConnectionState.CLOSED);
        } else if (conn == nc) {
          setState(ConnectionState.RECONNECTING);
          events.execute(() -> redial(0, 0));
        }
      }
      default -> {}
    }
  }

  private void afterReconnect() {
    setState(ConnectionState.RECONNECTED);
    try {
      DialogueList now = api.call(ApiSubjects.DIALOGUES, Map.of(), DialogueList.class).join();
      Map<String, Long> newest = new HashMap<>();
      for (DialogueSummary d : now.dialogues()) {
        if (d.kind().equals(DialogueSummary.ROOM)) {
          subscribeRoom(d.dialogueId());
        }
        tracker.track(d.dialogueId(), 0); // new dialogues since we left: recover from the start
        newest.put(d.dialogueId(), d.lastSeq());
      }
      if (options.queueGroup() == null) {
        tracker.recoverAll(newest); // a replica recovers nothing: the other replicas answer
      }
      if (status != PresenceStatus.ONLINE) {
        // The server announces "online" itself when it had marked us offline, and within the
        // grace period nobody saw us leave: only a chosen status (away, busy) must be restored.
        // Re-announcing "online" would reach every user, for every reconnecting client.
        publishPresence(status);
      }
      setState(ConnectionState.CONNECTED);
    } catch (RuntimeException e) {
      LOG.warn("recovery after reconnect failed; retrying", e);
      events.schedule(this::afterReconnect, 1, TimeUnit.SECONDS);
    }
  }

  private void setState(ConnectionState s) {
    if (state != s) {
      state = s;
      emit(l -> l.onConnectionState(s));
    }
  }

  private void emit(Consumer<GaimaceListener> event) {
    listeners.emit(event);
  }

  @Override
  public void close() {
    closing = true;
    if (nc != null && nc.getStatus() == Connection.Status.CONNECTED) {
      try {
        publishPresence(PresenceStatus.OFFLINE);
        nc.flush(Duration.ofSeconds(1));
      } catch (Exception e) {
        LOG.debug("cannot say goodbye", e);
      }
    }
    if (outbox != null) {
      outbox.close();
    }
    if (nc != null) {
      try {
        nc.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    setState(ConnectionState.CLOSED);
    events.shutdown();
  }
}
