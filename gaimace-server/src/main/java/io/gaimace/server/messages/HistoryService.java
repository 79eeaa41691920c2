package io.gaimace.server.messages;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.MessageEdit;
import io.gaimace.protocol.MessageEvent;
import io.gaimace.protocol.api.HistoryPage;
import io.gaimace.protocol.api.HistoryRequest;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Caller;
import io.gaimace.server.api.Check;
import io.gaimace.server.config.Limits;
import io.gaimace.server.ops.Metrics;
import io.gaimace.server.rooms.DialogueAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * History over request/reply: newest-first pages before a position, and recovery of everything
 * after a position, for members only, capped by the configured page and batch sizes; and threads.
 *
 * <p>Messages are shown as they are now (latest text, deletion without content, reactions), laid
 * over from {@link MessageStates}. A page before a position holds up to {@code limit} chat
 * messages: the log's {@code edit}, {@code delete} and {@code reaction} entries are already folded
 * into them, so they are skipped (reading at most {@value #MAX_ROUNDS} windows further back). A
 * recovery page ({@code after}) returns them in {@code events} too, so a client that tracks
 * sequences sees the log without gaps; an edit of a message deleted since comes without its text.
 */
public final class HistoryService {
  private static final int MAX_ROUNDS = 8;
  private final HistoryReader reader;
  private final DialogueAccess access;
  private final Limits limits;
  private final Metrics metrics;
  private final MessageStates states;
  private final ThreadReader threads;

  public HistoryService(
      HistoryReader reader,
      DialogueAccess access,
      Limits limits,
      Metrics metrics,
      MessageStore store,
      MessageStates states) {
    this.reader = reader;
    this.access = access;
    this.limits = limits;
    this.metrics = metrics;
    this.states = states;
    this.threads = new ThreadReader(store, states);
  }

  public HistoryPage history(Caller caller, HistoryRequest req) throws ApiException {
    Dialogue dialogue = Check.dialogue(req.dialogueId(), "dialogue_id");
    if (req.before() != null && req.after() != null) {
      throw ApiException.invalid("give either 'before' or 'after', not both");
    }
    if (req.limit() != null && req.limit() < 1) {
      throw ApiException.invalid("field 'limit' must be at least 1");
    }
    if ((req.before() != null && req.before() < 1) || (req.after() != null && req.after() < 0)) {
      throw ApiException.invalid("positions are stream sequences: 'before' >= 1, 'after' >= 0");
    }
    if (req.thread() != null && req.before() != null) {
      throw ApiException.invalid("a thread is read forwards: give 'after', not 'before'");
    }
    access.requireMember(caller.userId(), dialogue);
    long start = System.nanoTime();
    HistoryPage page;
    if (req.thread() != null) {
      int limit = Math.min(req.limit() == null ? 50 : req.limit(), limits.maxHistoryPage());
      page = threads.thread(dialogue, req.thread(), req.after(), limit);
    } else if (req.after() != null) {
      int limit =
          Math.min(
              req.limit() == null ? limits.maxRecoveryBatch() : req.limit(),
              limits.maxRecoveryBatch());
      page = recovery(dialogue, reader.after(dialogue, req.after(), limit));
    } else {
      int limit = Math.min(req.limit() == null ? 50 : req.limit(), limits.maxHistoryPage());
      page = before(dialogue, req.before(), limit);
    }
    metrics.historyLatency(System.nanoTime() - start);
    return page;
  }

  private HistoryPage recovery(Dialogue dialogue, HistoryReader.Run run) {
    List<ChatMessage> stored = new ArrayList<>();
    List<MessageEvent> events = new ArrayList<>();
    Map<String, Boolean> deleted = new HashMap<>();
    for (Stored s : run.messages()) {
      if (s.isChat()) {
        stored.add(s.message());
      } else if (s.entry() instanceof MessageEdit edit) {
        boolean gone =
            deleted.computeIfAbsent(
                edit.messageId(),
                id -> states.find(dialogue, id).map(MessageState::wasDeleted).orElse(false));
        events.add(gone ? edit.redacted() : edit);
      } else if (s.entry() instanceof MessageEvent e) {
        events.add(e);
      }
    }
    return new HistoryPage(dialogue.id(), states.current(stored), run.more(), events);
  }

  private HistoryPage before(Dialogue dialogue, Long beforeSeq, int limit) {
    List<ChatMessage> newestFirst = new ArrayList<>();
    Long before = beforeSeq;
    boolean more = false;
    for (int round = 0; round < MAX_ROUNDS && newestFirst.size() < limit; round++) {
      HistoryReader.Run run = reader.before(dialogue, before, limit);
      List<Stored> entries = run.messages();
      for (int i = entries.size() - 1; i >= 0; i--) {
        if (entries.get(i).isChat()) {
          newestFirst.add(entries.get(i).message());
        }
      }
      more = run.more();
      if (entries.isEmpty() || !more) {
        break;
      }
      before = entries.get(0).seq();
    }
    if (newestFirst.size() > limit) {
      newestFirst = new ArrayList<>(newestFirst.subList(0, limit));
      more = true;
    }
    List<ChatMessage> page = new ArrayList<>(newestFirst.size());
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      page.add(newestFirst.get(i));
    }
    return new HistoryPage(dialogue.id(), states.current(page), more);
  }
}
