package io.gaimace.sdk.internal;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.GaimaceMessage;
import io.gaimace.protocol.MessageDelete;
import io.gaimace.protocol.MessageEdit;
import io.gaimace.protocol.MessageReaction;
import io.gaimace.sdk.GaimaceListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The application's listeners; one failing listener neither stops the others nor the session. */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private final List<GaimaceListener> all = new CopyOnWriteArrayList<>();

  void add(GaimaceListener l) {
    all.add(l);
  }

  void remove(GaimaceListener l) {
    all.remove(l);
  }

  void emit(Consumer<GaimaceListener> event) {
    for (GaimaceListener l : all) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("a listener failed", e);
      }
    }
  }

  /** A dialogue's log entry, live or recovered, to the callback of its kind. */
  void deliver(GaimaceMessage entry) {
    if (entry instanceof ChatMessage m) {
      emit(l -> l.onMessage(m));
    } else if (entry instanceof MessageEdit e) {
      emit(l -> l.onEdit(e));
    } else if (entry instanceof MessageDelete d) {
      emit(l -> l.onDelete(d));
    } else if (entry instanceof MessageReaction r) {
      emit(l -> l.onReaction(r));
    }
  }
}
