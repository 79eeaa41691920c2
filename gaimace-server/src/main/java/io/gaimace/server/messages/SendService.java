package io.gaimace.server.messages;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.DirectDialogue;
import io.gaimace.protocol.ProtocolException;
import io.gaimace.protocol.api.SendAck;
import io.gaimace.protocol.api.SendRequest;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Caller;
import io.gaimace.server.api.Check;
import io.gaimace.server.api.ErrorCode;
import io.gaimace.server.config.Limits;
import io.gaimace.server.files.AttachmentResolver;
import io.gaimace.server.mentions.MentionService;
import io.gaimace.server.ops.Metrics;
import io.gaimace.server.receipts.ReadService;
import io.gaimace.server.rooms.DialogueAccess;
import io.gaimace.server.rooms.MembershipStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The send path (docs/architecture.md): checks the caller's right, the content and the rate, stamps
 * sender, timestamp and id, stores the message (JetStream then re-publishes it on the dialogue's
 * subject to every member) and acknowledges with its position.
 */
public final class SendService {
  private final MessageStore store;
  private final DialogueAccess access;
  private final MembershipStore memberships;
  private final ReadService reads;
  private final RateLimiter rate;
  private final Limits limits;
  private final Metrics metrics;
  private final Clock clock;
  private final MentionService mentions;
  private final MessageStates states;
  private final AttachmentResolver files;
  private final java.util.Set<String> linkedDirects =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  public SendService(
      MessageStore store,
      DialogueAccess access,
      MembershipStore memberships,
      ReadService reads,
      Limits limits,
      Metrics metrics,
      Clock clock,
      MentionService mentions,
      MessageStates states,
      AttachmentResolver files) {
    this.store = store;
    this.access = access;
    this.memberships = memberships;
    this.reads = reads;
    this.rate = new RateLimiter(limits.sendsPerSecond(), limits.sendBurst());
    this.limits = limits;
    this.metrics = metrics;
    this.clock = clock;
    this.mentions = mentions;
    this.states = states;
    this.files = files;
  }

  public SendAck send(Caller caller, SendRequest req) throws ApiException {
    return send(caller, req, null);
  }

  /**
   * Sends; {@code streamId} (nullable) marks the message as the final text of that reply stream.
   * Only the server sets it: a client's {@code agent.stream_id} is dropped.
   */
  public SendAck send(Caller caller, SendRequest req, String streamId) throws ApiException {
    String me = caller.userId();
    Dialogue dialogue = target(me, req);
    String content = MessageText.check(req.content(), limits);
    if (req.clientId() != null && (req.clientId().isEmpty() || req.clientId().length() > 64)) {
      throw ApiException.invalid("field 'client_id' must be 1-64 characters");
    }
    access.requireCanPost(me, dialogue);
    String thread = req.replyTo() == null ? null : states.threadOf(dialogue, req.replyTo());
    java.util.List<io.gaimace.protocol.Attachment> attachments =
        files.resolve(me, dialogue, req.attachments());
    if (!rate.tryAcquire(me)) {
      throw new ApiException(ErrorCode.RATE_LIMITED, "you are sending too fast; slow down");
    }
    String id =
        req.clientId() == null
            ? UUID.randomUUID().toString()
            : UUID.nameUUIDFromBytes((me + "\n" + req.clientId()).getBytes(StandardCharsets.UTF_8))
                .toString();
    String recipient = dialogue instanceof DirectDialogue dm ? dm.other(me) : null;
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    ChatMessage message;
    try {
      message =
          new ChatMessage(me, dialogue.id(), recipient, now, content, id, null, req.clientId())
              .toBuilder()
                  .mentions(mentions.resolve(me, dialogue, content))
                  .replyTo(req.replyTo())
                  .threadId(thread)
                  .build();
    } catch (ProtocolException e) {
      throw new ApiException(ErrorCode.INVALID_MESSAGE, e.getMessage());
    }
    if (attachments != null) {
      message = message.toBuilder().attachments(attachments).build();
    }
    if (req.agent() != null || streamId != null) {
      io.gaimace.protocol.AgentMeta a = req.agent();
      message =
          message.toBuilder()
              .agent(
                  a == null
                      ? new io.gaimace.protocol.AgentMeta(streamId, null, null, null)
                      : a.withStreamId(streamId))
              .build();
    }
    if (dialogue instanceof DirectDialogue dm && linkedDirects.add(dm.id())) {
      memberships.linkDirect(dm, now);
    }
    MessageStore.Appended appended = store.append(dialogue, message, id);
    metrics.sent();
    Stored s = appended.stored();
    states.recordSent(dialogue, s);
    if (!appended.duplicate()) {
      reads.markOwn(me, dialogue, s);
      mentions.delivered(dialogue, s);
    }
    return new SendAck(
        s.message().id(),
        dialogue.id(),
        s.seq(),
        s.pos(),
        s.message().timestamp(),
        appended.duplicate());
  }

  private static Dialogue target(String me, SendRequest req) throws ApiException {
    if (req.dialogueId() != null && req.recipient() != null) {
      throw ApiException.invalid("give either 'dialogue_id' or 'recipient', not both");
    }
    if (req.recipient() != null) {
      String to = Check.id(req.recipient(), "recipient");
      if (to.equals(me)) {
        throw ApiException.invalid("you cannot send a direct message to yourself");
      }
      return DirectDialogue.between(me, to);
    }
    return Check.dialogue(req.dialogueId(), "dialogue_id");
  }
}
