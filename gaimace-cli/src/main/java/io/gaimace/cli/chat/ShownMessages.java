package io.gaimace.cli.chat;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.MessageDelete;
import io.gaimace.protocol.MessageEdit;
import io.gaimace.protocol.MessageEvent;
import io.gaimace.protocol.MessageReaction;
import io.gaimace.protocol.Nullable;
import io.gaimace.protocol.Reaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The messages shown of the open dialogue, oldest first, in their current state, so the user can
 * point at one with a short reference: {@code ^1} is the newest shown, {@code ^2} the one before,
 * and so on. Edits, deletions and reactions that arrive are applied here. Keeps the newest {@value
 * #MAX} messages. Chat thread only.
 */
final class ShownMessages {
  static final int MAX = 1000;
  private final List<String> order = new ArrayList<>();
  private final Map<String, ChatMessage> byId = new LinkedHashMap<>();

  void clear() {
    order.clear();
    byId.clear();
  }

  /** A message shown below the others. */
  void add(ChatMessage m) {
    if (m.id() == null || byId.put(m.id(), m) != null) {
      return;
    }
    order.add(m.id());
    if (order.size() > MAX) {
      byId.remove(order.remove(0));
    }
  }

  /** Messages shown above the others ({@code /more}), oldest first. */
  void addOlder(List<ChatMessage> older) {
    List<String> ids = new ArrayList<>();
    for (ChatMessage m : older) {
      if (m.id() != null && byId.putIfAbsent(m.id(), m) == null) {
        ids.add(m.id());
      }
    }
    order.addAll(0, ids);
  }

  /** The message {@code ^ref} points at (1 = newest shown). */
  Optional<ChatMessage> byRef(int ref) {
    if (ref < 1 || ref > order.size()) {
      return Optional.empty();
    }
    return Optional.of(byId.get(order.get(order.size() - ref)));
  }

  /** The newest message shown that {@code userId} wrote and that is not deleted. */
  Optional<ChatMessage> lastBy(String userId) {
    for (int i = order.size() - 1; i >= 0; i--) {
      ChatMessage m = byId.get(order.get(i));
      if (m.sender().equals(userId) && !Boolean.TRUE.equals(m.deleted())) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  Optional<ChatMessage> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The reference ({@code ^N}) of a shown message, or null. */
  @Nullable
  String refOf(String id) {
    int i = order.lastIndexOf(id);
    return i < 0 ? null : "^" + (order.size() - i);
  }

  /** Applies a change to the shown message it concerns; returns the message as it is now. */
  Optional<ChatMessage> apply(MessageEvent e) {
    ChatMessage m = byId.get(e.messageId());
    if (m == null) {
      return Optional.empty();
    }
    ChatMessage now = changed(m, e);
    byId.put(m.id(), now);
    return Optional.of(now);
  }

  static ChatMessage changed(ChatMessage m, MessageEvent e) {
    if (Boolean.TRUE.equals(m.deleted())) {
      return m; // a change that raced the deletion must not bring text back
    }
    if (e instanceof MessageEdit edit) {
      return m.toBuilder().content(edit.content()).editedAt(edit.timestamp()).build();
    }
    if (e instanceof MessageDelete) {
      return m.toBuilder().content("").deleted(true).reactions(null).build();
    }
    MessageReaction r = (MessageReaction) e;
    List<Reaction> out = new ArrayList<>();
    boolean seen = false;
    for (Reaction x : m.reactions() == null ? List.<Reaction>of() : m.reactions()) {
      if (!x.emoji().equals(r.emoji())) {
        out.add(x);
        continue;
      }
      seen = true;
      List<String> users = new ArrayList<>(x.users());
      users.remove(r.sender());
      if (r.added()) {
        users.add(r.sender());
      }
      if (!users.isEmpty()) {
        out.add(new Reaction(x.emoji(), users));
      }
    }
    if (!seen && r.added()) {
      out.add(new Reaction(r.emoji(), List.of(r.sender())));
    }
    return m.toBuilder().reactions(out.isEmpty() ? null : out).build();
  }
}
