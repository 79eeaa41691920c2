package io.gaimace.server.messages;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.GaimaceMessage;
import io.gaimace.protocol.MessageDelete;
import io.gaimace.protocol.MessageEdit;
import io.gaimace.protocol.MessageReaction;
import io.gaimace.protocol.ProtocolException;
import io.gaimace.protocol.api.DeleteRequest;
import io.gaimace.protocol.api.EditRequest;
import io.gaimace.protocol.api.ReactRequest;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Caller;
import io.gaimace.server.api.Check;
import io.gaimace.server.api.ErrorCode;
import io.gaimace.server.config.Limits;
import io.gaimace.server.receipts.ReadService;
import io.gaimace.server.rooms.DialogueAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Edits, deletions and reactions ({@code message.edit}, {@code message.delete}, {@code
 * message.react}). Each changes the message's state in {@code gaimace-message-state}
 * (compare-and-set), then appends an {@code edit}, {@code delete} or {@code reaction} entry to the
 * dialogue's log, which JetStream re-publishes to the members live and history returns to clients
 * recovering after a disconnect. The reply is the message as it looks now.
 *
 * <p>Rules: only members change anything; only the author edits (a moderator may remove a message
 * but never put words in someone's mouth); the author or a room moderator ({@link Moderation})
 * deletes; a deleted message cannot be edited or reacted to; a reaction is exactly one emoji, and a
 * user reacts at most once per emoji (adding again changes nothing and logs nothing).
 */
public final class MessageChanges {
  private final MessageStore store;
  private final MessageStates states;
  private final DialogueAccess access;
  private final Moderation moderation;
  private final ReadService reads;
  private final RateLimiter rate;
  private final Limits limits;
  private final Clock clock;

  public MessageChanges(
      MessageStore store,
      MessageStates states,
      DialogueAccess access,
      Moderation moderation,
      ReadService reads,
      Limits limits,
      Clock clock) {
    this.store = store;
    this.states = states;
    this.access = access;
    this.moderation = moderation;
    this.reads = reads;
    this.rate = new RateLimiter(limits.sendsPerSecond(), limits.sendBurst());
    this.limits = limits;
    this.clock = clock;
  }

  public ChatMessage edit(Caller caller, EditRequest req) throws ApiException {
    String me = caller.userId();
    Target t = target(me, req.dialogueId(), req.messageId());
    String content = MessageText.check(req.content(), limits);
    Instant now = now();
    MessageEdit event;
    try {
      event = new MessageEdit(t.dialogue().id(), t.id(), me, content, now, null);
    } catch (ProtocolException e) {
      throw new ApiException(ErrorCode.INVALID_MESSAGE, e.getMessage());
    }
    limitRate(me);
    MessageStates.Changed changed =
        states.change(
            t.dialogue(),
            t.id(),
            s -> {
              requireNotDeleted(s, t.id());
              if (!s.sender().equals(me)) {
                throw ApiException.forbidden("only the author can edit a message");
              }
              return s.edited(content, now);
            });
    log(me, t.dialogue(), event);
    return changed.state().apply(t.original());
  }

  public ChatMessage delete(Caller caller, DeleteRequest req) throws ApiException {
    String me = caller.userId();
    Target t = target(me, req.dialogueId(), req.messageId());
    boolean moderator = moderation.canModerate(me, t.dialogue());
    limitRate(me);
    MessageStates.Changed changed =
        states.change(
            t.dialogue(),
            t.id(),
            s -> {
              if (!s.sender().equals(me) && !moderator) {
                throw ApiException.forbidden(
                    "only the author or a moderator of the room can delete a message");
              }
              return s.wasDeleted() ? s : s.asDeleted();
            });
    if (changed.changed()) {
      log(me, t.dialogue(), new MessageDelete(t.dialogue().id(), t.id(), me, now(), null));
    }
    return changed.state().apply(t.original());
  }

  public ChatMessage react(Caller caller, ReactRequest req) throws ApiException {
    String me = caller.userId();
    Target t = target(me, req.dialogueId(), req.messageId());
    String given = Check.required(req.emoji(), "emoji");
    String emoji =
        Emojis.single(given)
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "field 'emoji' must be exactly one emoji or a known :shortcode:"));
    String action = req.action() == null ? MessageReaction.ADD : req.action();
    if (!action.equals(MessageReaction.ADD) && !action.equals(MessageReaction.REMOVE)) {
      throw ApiException.invalid("field 'action' must be \"add\" or \"remove\"");
    }
    boolean add = action.equals(MessageReaction.ADD);
    limitRate(me);
    MessageStates.Changed changed =
        states.change(
            t.dialogue(),
            t.id(),
            s -> {
              requireNotDeleted(s, t.id());
              return s.reacted(emoji, me, add);
            });
    if (changed.changed()) {
      log(
          me,
          t.dialogue(),
          new MessageReaction(t.dialogue().id(), t.id(), me, emoji, action, now(), null));
    }
    return changed.state().apply(t.original());
  }

  /** The message a request names, once the caller is known to be a member. */
  private record Target(Dialogue dialogue, String id, ChatMessage original) {}

  private Target target(String me, String dialogueId, String messageId) throws ApiException {
    Dialogue dialogue = Check.dialogue(dialogueId, "dialogue_id");
    String id = MessageStates.checkId(messageId, "message_id");
    access.requireCanPost(me, dialogue);
    MessageState state = states.require(dialogue, id);
    ChatMessage original =
        store
            .get(state.seq())
            .filter(Stored::isChat)
            .map(Stored::message)
            .filter(m -> id.equals(m.id()))
            .orElseThrow(() -> ApiException.notFound("message '" + id + "' has expired"));
    return new Target(dialogue, id, original);
  }

  private static void requireNotDeleted(MessageState s, String id) throws ApiException {
    if (s.wasDeleted()) {
      throw ApiException.notFound("message '" + id + "' was deleted");
    }
  }

  private void limitRate(String me) throws ApiException {
    if (!rate.tryAcquire(me)) {
      throw new ApiException(ErrorCode.RATE_LIMITED, "you are changing too fast; slow down");
    }
  }

  private void log(String me, Dialogue dialogue, GaimaceMessage event) {
    Stored s = store.append(dialogue, event, UUID.randomUUID().toString()).stored();
    reads.markOwnIfCaughtUp(me, dialogue, s);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
