package io.gaimace.server.messages;

import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.api.HistoryPage;
import io.gaimace.protocol.api.HistoryRequest;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Caller;
import io.gaimace.server.api.Check;
import io.gaimace.server.config.Limits;
import io.gaimace.server.ops.Metrics;
import io.gaimace.server.rooms.DialogueAccess;

/**
 * History over request/reply: newest-first pages before a position, and recovery of everything
 * after a position, for members only, capped by the configured page and batch sizes.
 */
public final class HistoryService {
  private final HistoryReader reader;
  private final DialogueAccess access;
  private final Limits limits;
  private final Metrics metrics;

  public HistoryService(
      HistoryReader reader, DialogueAccess access, Limits limits, Metrics metrics) {
    this.reader = reader;
    this.access = access;
    this.limits = limits;
    this.metrics = metrics;
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
    access.requireMember(caller.userId(), dialogue);
    long start = System.nanoTime();
    HistoryReader.Run run;
    if (req.after() != null) {
      int limit =
          Math.min(
              req.limit() == null ? limits.maxRecoveryBatch() : req.limit(),
              limits.maxRecoveryBatch());
      run = reader.after(dialogue, req.after(), limit);
    } else {
      int limit = Math.min(req.limit() == null ? 50 : req.limit(), limits.maxHistoryPage());
      run = reader.before(dialogue, req.before(), limit);
    }
    metrics.historyLatency(System.nanoTime() - start);
    return new HistoryPage(
        dialogue.id(), run.messages().stream().map(Stored::message).toList(), run.more());
  }
}
