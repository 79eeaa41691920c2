package io.gaimace.server.streams;

import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.StreamEvent;
import io.gaimace.protocol.TypingStatus;
import io.gaimace.protocol.UserKind;
import io.gaimace.protocol.api.DialogueRequest;
import io.gaimace.protocol.api.SendAck;
import io.gaimace.protocol.api.SendRequest;
import io.gaimace.protocol.api.StreamAppendRequest;
import io.gaimace.protocol.api.StreamInfo;
import io.gaimace.protocol.api.StreamList;
import io.gaimace.protocol.api.StreamRequest;
import io.gaimace.protocol.api.StreamStartRequest;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Caller;
import io.gaimace.server.api.Check;
import io.gaimace.server.api.ErrorCode;
import io.gaimace.server.messages.SendService;
import io.gaimace.server.nats.Buckets;
import io.gaimace.server.rooms.DialogueAccess;
import io.gaimace.server.users.UserRecord;
import io.gaimace.server.users.UserStore;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * Live reply streams (the agents' streaming extension, docs/protocol.md "Reply streams"). A stream
 * is opened in a dialogue by a member, grows by appends from its sender only, and ends either as
 * one normal stored {@code message} (sent through {@link SendService}, so history and clients that
 * ignore streams see a plain message) or cancelled by its sender or any human member, in which case
 * nothing is stored. Every change is published live as a {@code stream} event on the dialogue's
 * chat subject, and the text so far is kept in a KV bucket so late clients catch up ({@code
 * stream.list}). Typing is shown for the sender while the stream is open.
 */
public final class StreamService {
  /** Streams idle this long are forgotten (the bucket's TTL). */
  public static final Duration IDLE_TTL = Duration.ofMinutes(2);

  private static final Duration TYPING_EVERY = Duration.ofSeconds(2);

  /** Appends per second per user (per instance); the SDK sends at most 20 per stream. */
  static final int APPENDS_PER_SECOND = 100;

  private final io.gaimace.server.messages.RateLimiter startRate;
  private final io.gaimace.server.messages.RateLimiter appendRate =
      new io.gaimace.server.messages.RateLimiter(APPENDS_PER_SECOND, 2 * APPENDS_PER_SECOND);
  private static final int MAX_CAS_TRIES = 8;

  private final Buckets<StreamRecord> streams;
  private final DialogueAccess access;
  private final UserStore users;
  private final SendService send;
  private final StreamAnnouncer announce;
  private final int maxBytes;
  private final Clock clock;

  public StreamService(
      Buckets<StreamRecord> streams,
      DialogueAccess access,
      UserStore users,
      SendService send,
      Connection chat,
      int maxBytes,
      int startsPerSecond,
      int startBurst,
      Clock clock) {
    this.startRate = new io.gaimace.server.messages.RateLimiter(startsPerSecond, startBurst);
    this.streams = streams;
    this.access = access;
    this.users = users;
    this.send = send;
    this.announce = new StreamAnnouncer(chat);
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  public StreamInfo start(Caller caller, StreamStartRequest req) throws ApiException {
    Dialogue dialogue = Check.dialogue(req.dialogueId(), "dialogue_id");
    access.requireMember(caller.userId(), dialogue);
    if (!startRate.tryAcquire(caller.userId())) {
      throw new ApiException(
          ErrorCode.RATE_LIMITED, "you are starting answers too fast; slow down");
    }
    String id = UUID.randomUUID().toString();
    StreamRecord r =
        new StreamRecord(
            id,
            dialogue.id(),
            caller.userId(),
            req.replyTo(),
            req.agent() == null ? null : req.agent().withStreamId(id),
            "",
            0,
            StreamEvent.OPEN,
            null,
            null,
            clock.instant());
    streams.put(id, r);
    announce.event(dialogue, r.event(null));
    announce.typing(dialogue, r.sender(), TypingStatus.TYPING);
    return new StreamInfo(id, 0, 0);
  }

  public StreamInfo append(Caller caller, StreamAppendRequest req) throws ApiException {
    Check.required(req.delta(), "delta");
    if (req.delta().isEmpty()) {
      throw ApiException.invalid("field 'delta' must not be empty");
    }
    if (!appendRate.tryAcquire(caller.userId())) {
      throw new ApiException(ErrorCode.RATE_LIMITED, "you are appending too fast; batch the text");
    }
    for (int i = 0; i < MAX_CAS_TRIES; i++) {
      Buckets.Versioned<StreamRecord> v = find(req.streamId());
      StreamRecord r = v.value();
      requireSender(caller, r);
      requireOpen(r);
      int bytes = (r.text() + req.delta()).getBytes(StandardCharsets.UTF_8).length;
      if (bytes > maxBytes) {
        throw new ApiException(
            ErrorCode.TOO_LARGE,
            "the reply would be " + bytes + " bytes; the limit is " + maxBytes);
      }
      Instant now = clock.instant();
      // typingAt moves at least every TYPING_EVERY while appends come: the sweep's activity clock
      boolean type = Duration.between(r.typingAt(), now).compareTo(TYPING_EVERY) >= 0;
      StreamRecord next = r.appended(req.delta(), now, type);
      if (streams.update(r.streamId(), next, v.revision())) {
        Dialogue dialogue = Dialogue.parse(r.dialogueId());
        announce.event(dialogue, next.event(req.delta()));
        if (type) {
          announce.typing(dialogue, r.sender(), TypingStatus.TYPING);
        }
        return new StreamInfo(r.streamId(), next.seq(), next.text().length());
      }
    }
    throw new ApiException(ErrorCode.INTERNAL, "the stream is too busy; try again");
  }

  /** Stores the text as one message (idempotent: ending again returns the same message). */
  public SendAck end(Caller caller, StreamRequest req) throws ApiException {
    Buckets.Versioned<StreamRecord> v = find(req.streamId());
    StreamRecord r = v.value();
    requireSender(caller, r);
    if (StreamEvent.CANCELLED.equals(r.state())) {
      throw new ApiException(ErrorCode.CONFLICT, "the stream was cancelled by " + r.by());
    }
    if (r.text().isBlank()) {
      cancel(caller, req);
      throw new ApiException(ErrorCode.INVALID_MESSAGE, "the stream is empty; it was cancelled");
    }
    // client_id = stream id: a repeated end is a duplicate of the same message.
    SendRequest message =
        new SendRequest(
            r.dialogueId(), null, r.text(), "stream-" + r.streamId(), r.replyTo(), null, r.agent());
    SendAck ack = send.send(caller, message, r.streamId());
    if (r.open()) {
      StreamRecord done = r.finished(StreamEvent.DONE, ack.id(), null);
      if (streams.update(r.streamId(), done, v.revision())) {
        Dialogue dialogue = Dialogue.parse(r.dialogueId());
        announce.event(dialogue, done.event(null));
        announce.typing(dialogue, r.sender(), TypingStatus.STOPPED);
      }
    }
    return ack;
  }

  /** Stops a stream; nothing is stored. The sender or any human member of the dialogue may. */
  public StreamInfo cancel(Caller caller, StreamRequest req) throws ApiException {
    for (int i = 0; i < MAX_CAS_TRIES; i++) {
      Buckets.Versioned<StreamRecord> v = find(req.streamId());
      StreamRecord r = v.value();
      Dialogue dialogue = Dialogue.parse(r.dialogueId());
      if (!r.sender().equals(caller.userId())) {
        access.requireMember(caller.userId(), dialogue);
        boolean human =
            users.find(caller.userId()).map(UserRecord::kind).orElse(null) == UserKind.HUMAN;
        if (!human) {
          throw ApiException.forbidden("only the sender or a human member may cancel a stream");
        }
      }
      if (!r.open()) {
        return new StreamInfo(r.streamId(), r.seq(), r.text().length());
      }
      StreamRecord cancelled = r.finished(StreamEvent.CANCELLED, null, caller.userId());
      if (streams.update(r.streamId(), cancelled, v.revision())) {
        announce.event(dialogue, cancelled.event(null));
        announce.typing(dialogue, r.sender(), TypingStatus.STOPPED);
        return new StreamInfo(r.streamId(), r.seq(), r.text().length());
      }
    }
    throw new ApiException(ErrorCode.INTERNAL, "the stream is too busy; try again");
  }

  /** The dialogue's open streams with their text so far, oldest first. Members only. */
  public StreamList list(Caller caller, DialogueRequest req) throws ApiException {
    Dialogue dialogue = Check.dialogue(req.dialogueId(), "dialogue_id");
    access.requireMember(caller.userId(), dialogue);
    return new StreamList(
        dialogue.id(),
        streams.values("*").stream()
            .filter(r -> r.dialogueId().equals(dialogue.id()) && r.open())
            .sorted(Comparator.comparing(StreamRecord::typingAt))
            .map(r -> r.event(null))
            .toList());
  }

  private Buckets.Versioned<StreamRecord> find(String streamId) throws ApiException {
    Check.required(streamId, "stream_id");
    if (streamId.isEmpty() || streamId.length() > 64 || !streamId.matches("[a-z0-9-]+")) {
      throw ApiException.invalid("field 'stream_id' is not a stream id");
    }
    return streams
        .getVersioned(streamId)
        .orElseThrow(() -> ApiException.notFound("no stream '" + streamId + "' (or it expired)"));
  }

  private static void requireSender(Caller caller, StreamRecord r) throws ApiException {
    if (!r.sender().equals(caller.userId())) {
      throw ApiException.forbidden("only the stream's sender may write to it");
    }
  }

  private static void requireOpen(StreamRecord r) throws ApiException {
    if (!r.open()) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          StreamEvent.CANCELLED.equals(r.state())
              ? "the stream was cancelled by " + r.by()
              : "the stream has ended");
    }
  }
}
