package io.gaimace.server.messages;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Nullable;
import io.gaimace.protocol.Reaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The current state of one message, the value of {@code <dialogue key>.<message id>} in the {@code
 * gaimace-message-state} bucket. Written when the message is stored (which makes messages findable
 * by id) and changed by compare-and-set on every edit, deletion, reaction and thread reply.
 *
 * @param seq the message's stream sequence
 * @param pos the message's position in its dialogue
 * @param sender the author
 * @param threadId nullable: the thread's first message, when this message is a reply
 * @param content nullable: the latest text, once edited (never kept after a deletion)
 * @param editedAt nullable: when it was last edited
 * @param deleted nullable: true once deleted
 * @param reactions nullable: reactions, one entry per emoji, none empty
 * @param replies nullable: for a thread's first message, the ids of its replies in order
 */
public record MessageState(
    long seq,
    long pos,
    String sender,
    @Nullable String threadId,
    @Nullable String content,
    @Nullable Instant editedAt,
    @Nullable Boolean deleted,
    @Nullable List<Reaction> reactions,
    @Nullable List<String> replies) {

  /** The state of a message just stored. */
  static MessageState of(Stored s) {
    ChatMessage m = s.message();
    return new MessageState(
        s.seq(), s.pos(), m.sender(), m.threadId(), null, null, null, null, null);
  }

  public boolean wasDeleted() {
    return Boolean.TRUE.equals(deleted);
  }

  MessageState edited(String text, Instant at) {
    return new MessageState(seq, pos, sender, threadId, text, at, deleted, reactions, replies);
  }

  /** Deleted: the text and the reactions are dropped, the thread stays. */
  MessageState asDeleted() {
    return new MessageState(seq, pos, sender, threadId, null, editedAt, true, null, replies);
  }

  MessageState withReply(String replyId) {
    List<String> list = new ArrayList<>(replies == null ? List.of() : replies);
    list.add(replyId);
    return new MessageState(
        seq, pos, sender, threadId, content, editedAt, deleted, reactions, list);
  }

  /** With the user's reaction added or removed; the same instance when nothing changes. */
  MessageState reacted(String emoji, String userId, boolean add) {
    List<Reaction> out = new ArrayList<>();
    boolean changed = false;
    boolean seen = false;
    for (Reaction r : reactions == null ? List.<Reaction>of() : reactions) {
      if (!r.emoji().equals(emoji)) {
        out.add(r);
        continue;
      }
      seen = true;
      List<String> users = new ArrayList<>(r.users());
      changed = add ? !users.contains(userId) && users.add(userId) : users.remove(userId);
      if (!users.isEmpty()) {
        out.add(new Reaction(emoji, users));
      }
    }
    if (!seen && add) {
      out.add(new Reaction(emoji, List.of(userId)));
      changed = true;
    }
    if (!changed) {
      return this;
    }
    return new MessageState(
        seq,
        pos,
        sender,
        threadId,
        content,
        editedAt,
        deleted,
        out.isEmpty() ? null : out,
        replies);
  }

  /** The stored message as it looks now: latest text, deletion, reactions. */
  ChatMessage apply(ChatMessage m) {
    ChatMessage.Builder b = m.toBuilder();
    if (wasDeleted()) {
      // Nothing of what was said survives a deletion: text, mentions, files, reactions.
      return b.content("")
          .deleted(true)
          .mentions(null)
          .attachments(null)
          .reactions(null)
          .editedAt(editedAt)
          .build();
    }
    if (content != null) {
      b.content(content).editedAt(editedAt);
    }
    return b.reactions(reactions).build();
  }
}
