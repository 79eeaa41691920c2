package io.gaimace.server.messages;

import io.gaimace.protocol.Dialogue;
import java.util.function.Consumer;

/**
 * Reads a window of one dialogue's newest messages for a scan such as search, through {@link
 * HistoryReader#after} (short-lived ordered consumers, as for history), in chunks so that memory
 * stays bounded whatever the window. Reading starts from the history index near the window's first
 * position, so it reads at most {@value HistoryIndex#STRIDE} messages before the window.
 */
public final class DialogueScanner {
  static final int CHUNK = 500;

  private final HistoryReader reader;
  private final MessageStore store;

  public DialogueScanner(HistoryReader reader, MessageStore store) {
    this.reader = reader;
    this.store = store;
  }

  /**
   * Visits, oldest first, the messages of the dialogue at positions {@code firstPos} to {@code
   * lastPos} (the newest message, at stream sequence {@code lastSeq}), skipping those at or after
   * {@code beforeSeq}.
   *
   * @param beforeSeq nullable: only messages with a smaller stream sequence are visited
   * @return how many messages were visited
   */
  public long scan(
      Dialogue dialogue,
      long firstPos,
      long lastPos,
      long lastSeq,
      Long beforeSeq,
      Consumer<Stored> visitor) {
    long cursor = store.index().seqAtOrBefore(DialogueKeys.key(dialogue), firstPos) - 1;
    long stopSeq = beforeSeq == null ? lastSeq : Math.min(lastSeq, beforeSeq - 1);
    long toRead = lastPos - firstPos + 1 + HistoryIndex.STRIDE;
    long visited = 0;
    while (cursor < stopSeq && toRead > 0) {
      HistoryReader.Run run = reader.after(dialogue, cursor, (int) Math.min(CHUNK, toRead));
      for (Stored s : run.messages()) {
        if (s.seq() > stopSeq) {
          return visited;
        }
        if (s.pos() >= firstPos) {
          visitor.accept(s);
          visited++;
        }
      }
      if (run.messages().isEmpty() || !run.more()) {
        return visited;
      }
      toRead -= run.messages().size();
      cursor = run.messages().get(run.messages().size() - 1).seq();
    }
    return visited;
  }
}
