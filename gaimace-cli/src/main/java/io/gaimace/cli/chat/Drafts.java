package io.gaimace.cli.chat;

import io.gaimace.protocol.Nullable;
import io.gaimace.protocol.StreamEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Agents' answers growing live in the open dialogue (reply streams), newest last. The terminal
 * shows the newest one's end on the status line; the stored message replaces it when it is done.
 * Chat thread only.
 */
final class Drafts {
  static final int TAIL = 48;

  private record Draft(String sender, StringBuilder text) {}

  private final Map<String, Draft> open = new LinkedHashMap<>();

  void clear() {
    open.clear();
  }

  /** Applies an event: an opening or whole text sets the draft, a delta extends it. */
  void apply(StreamEvent e) {
    if (e.finished()) {
      open.remove(e.streamId());
      return;
    }
    Draft d = open.computeIfAbsent(e.streamId(), id -> new Draft(e.sender(), new StringBuilder()));
    if (e.text() != null) {
      d.text().setLength(0);
      d.text().append(e.text());
    } else if (e.delta() != null) {
      d.text().append(e.delta());
    }
  }

  boolean writing(String userId) {
    return open.values().stream().anyMatch(d -> d.sender().equals(userId));
  }

  @Nullable
  String newest() {
    String last = null;
    for (String id : open.keySet()) {
      last = id;
    }
    return last;
  }

  /** {@code Sage ✎ …the end of the text} for the newest draft, or null. */
  @Nullable
  String line(Function<String, String> names) {
    String id = newest();
    if (id == null) {
      return null;
    }
    Draft d = open.get(id);
    String text = d.text().toString().replace('\n', ' ').strip();
    if (text.length() > TAIL) {
      text = "…" + text.substring(text.length() - TAIL);
    }
    String more = open.size() > 1 ? " (+" + (open.size() - 1) + ")" : "";
    return names.apply(d.sender()) + " ✎ " + (text.isEmpty() ? "…" : text) + more;
  }
}
