package io.gaimace.server.messages;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Dialogue;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.ErrorCode;
import io.gaimace.server.nats.Buckets;
import io.gaimace.server.nats.StoreException;
import io.nats.client.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code gaimace-message-state} bucket: every message's current state ({@link MessageState})
 * under {@code <dialogue key>.<message id>}. It is how the server finds a message by id, and what
 * history lays over the stored messages. Every change is a compare-and-set on the entry's revision,
 * so any number of server instances may change one message at once.
 */
public final class MessageStates {
  /** A thread lists at most this many replies; further replies are refused. */
  public static final int MAX_THREAD_REPLIES = 10_000;

  private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final int MAX_ATTEMPTS = 32;
  private final Buckets<MessageState> bucket;
  private final StateReads reads;

  /**
   * @param bucket the {@code gaimace-message-state} bucket
   * @param chat the CHAT connection, for reading many states at once
   */
  public MessageStates(Buckets<MessageState> bucket, Connection chat) {
    this.bucket = bucket;
    this.reads = new StateReads(chat);
  }

  /** A change of a state; returning the same instance means nothing changes. */
  @FunctionalInterface
  interface Change {
    MessageState apply(MessageState current) throws ApiException;
  }

  /** The result of a change: the new state and whether it differs from the old one. */
  record Changed(MessageState state, boolean changed) {}

  /** Checks a client-given message id before it becomes part of a key. */
  static String checkId(String messageId, String field) throws ApiException {
    if (messageId == null) {
      throw ApiException.invalid("missing required field '" + field + "'");
    }
    if (!MESSAGE_ID.matcher(messageId).matches()) {
      throw ApiException.invalid("field '" + field + "' is not a message id");
    }
    return messageId;
  }

  private static String key(Dialogue d, String messageId) {
    return DialogueKeys.key(d) + "." + messageId;
  }

  public Optional<MessageState> find(Dialogue d, String messageId) {
    if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
      return Optional.empty();
    }
    return bucket.get(key(d, messageId));
  }

  /** The message's state, or {@code not_found}. */
  MessageState require(Dialogue d, String messageId) throws ApiException {
    return find(d, messageId)
        .orElseThrow(() -> ApiException.notFound("no message '" + messageId + "' in " + d.id()));
  }

  /**
   * Records a message just stored (or stored before, for a resend) and lists a reply in its thread.
   * Idempotent.
   */
  public void recordSent(Dialogue d, Stored s) {
    ChatMessage m = s.message();
    bucket.create(key(d, m.id()), MessageState.of(s));
    if (m.threadId() != null) {
      try {
        change(
            d,
            m.threadId(),
            root ->
                root.replies() != null && root.replies().contains(m.id())
                    ? root
                    : root.withReply(m.id()));
      } catch (ApiException e) {
        // The thread's first message expired meanwhile: the reply stays, unlisted.
      }
    }
  }

  /**
   * Where a reply to {@code replyTo} belongs: the id of its thread's first message.
   *
   * @throws ApiException {@code not_found} for no such message, {@code too_large} for a full thread
   */
  public String threadOf(Dialogue d, String replyTo) throws ApiException {
    checkId(replyTo, "reply_to");
    MessageState parent = require(d, replyTo);
    String root = parent.threadId() == null ? replyTo : parent.threadId();
    MessageState rootState = root.equals(replyTo) ? parent : find(d, root).orElse(parent);
    if (rootState.replies() != null && rootState.replies().size() >= MAX_THREAD_REPLIES) {
      throw new ApiException(
          ErrorCode.TOO_LARGE,
          "the thread already has " + MAX_THREAD_REPLIES + " replies; start a new one");
    }
    return root;
  }

  /** Applies a change by compare-and-set, retrying when another writer came first. */
  Changed change(Dialogue d, String messageId, Change change) throws ApiException {
    String key = key(d, messageId);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Buckets.Versioned<MessageState> current =
          bucket
              .getVersioned(key)
              .orElseThrow(
                  () -> ApiException.notFound("no message '" + messageId + "' in " + d.id()));
      MessageState next = change.apply(current.value());
      if (next == current.value()) {
        return new Changed(next, false);
      }
      if (bucket.update(key, next, current.revision())) {
        return new Changed(next, true);
      }
    }
    throw new StoreException("message " + messageId + " is changing too often, try again", null);
  }

  /** Messages as they look now, reading their states all at once (a history page). */
  public List<ChatMessage> current(List<ChatMessage> messages) {
    List<String> keys = new ArrayList<>(messages.size());
    for (ChatMessage m : messages) {
      keys.add(m.id() == null ? null : key(Dialogue.parse(m.dialogueId()), m.id()));
    }
    List<Optional<MessageState>> states = reads.read(keys, k -> bucket.get(k));
    List<ChatMessage> out = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      ChatMessage m = messages.get(i);
      out.add(states.get(i).map(st -> st.apply(m)).orElse(m));
    }
    return out;
  }

  /** The message as it looks now; unchanged when no state is known. */
  public ChatMessage current(ChatMessage m) {
    if (m.id() == null) {
      return m;
    }
    return find(Dialogue.parse(m.dialogueId()), m.id()).map(s -> s.apply(m)).orElse(m);
  }
}
