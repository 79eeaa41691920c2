package io.gaimace.agent;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.StreamEvent;
import io.gaimace.sdk.GaimaceListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a client sees: messages and stream events. */
final class Watcher implements GaimaceListener {
  final List<ChatMessage> messages = new CopyOnWriteArrayList<>();
  final List<StreamEvent> streams = new CopyOnWriteArrayList<>();

  @Override
  public void onMessage(ChatMessage m) {
    messages.add(m);
  }

  @Override
  public void onStream(StreamEvent e) {
    streams.add(e);
  }

  List<ChatMessage> from(String sender) {
    return messages.stream().filter(m -> m.sender().equals(sender)).toList();
  }

  /** The text of a stream as assembled from its deltas, in seq order. */
  String assembled(String streamId) {
    StringBuilder b = new StringBuilder();
    streams.stream()
        .filter(e -> e.streamId().equals(streamId) && e.delta() != null)
        .sorted(java.util.Comparator.comparingLong(StreamEvent::seq))
        .forEach(e -> b.append(e.delta()));
    return b.toString();
  }

  boolean has(String streamId, String state) {
    return streams.stream().anyMatch(e -> e.streamId().equals(streamId) && e.state().equals(state));
  }
}
