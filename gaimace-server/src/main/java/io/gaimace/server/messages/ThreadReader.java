package io.gaimace.server.messages;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.api.HistoryPage;
import io.gaimace.server.api.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a thread: its first message and its replies in order. The first message's state lists the
 * replies' ids ({@link MessageStates}), so a page costs two reads per reply (state, then the stored
 * message by sequence), whatever the size of the dialogue.
 */
final class ThreadReader {
  private final MessageStore store;
  private final MessageStates states;

  ThreadReader(MessageStore store, MessageStates states) {
    this.store = store;
    this.states = states;
  }

  /**
   * The thread of {@code messageId} (its own thread when it is a reply): the first message unless
   * {@code after} is given, then up to {@code limit} replies with a sequence above {@code after}.
   */
  HistoryPage thread(Dialogue dialogue, String messageId, Long after, int limit)
      throws ApiException {
    MessageStates.checkId(messageId, "thread");
    MessageState asked = states.require(dialogue, messageId);
    String rootId = asked.threadId() == null ? messageId : asked.threadId();
    MessageState root = rootId.equals(messageId) ? asked : states.require(dialogue, rootId);
    List<ChatMessage> out = new ArrayList<>();
    if (after == null) {
      read(root).ifPresent(out::add);
    }
    long from = after == null ? 0 : after;
    boolean more = false;
    int replies = 0;
    for (String id : root.replies() == null ? List.<String>of() : root.replies()) {
      Optional<MessageState> reply = states.find(dialogue, id);
      if (reply.isEmpty() || reply.get().seq() <= from) {
        continue;
      }
      if (replies == limit) {
        more = true;
        break;
      }
      Optional<ChatMessage> m = read(reply.get());
      if (m.isPresent()) {
        out.add(m.get());
        replies++;
      }
    }
    return new HistoryPage(dialogue.id(), out, more);
  }

  private Optional<ChatMessage> read(MessageState state) {
    return store.get(state.seq()).filter(Stored::isChat).map(s -> state.apply(s.message()));
  }
}
