package io.gaimace.protocol.api;

import io.gaimace.protocol.StreamEvent;
import java.util.List;

/**
 * The open reply streams of a dialogue ({@code stream.list}), each as a {@code stream} event with
 * its whole text so far, so a client that arrives mid-stream catches up.
 */
public record StreamList(String dialogueId, List<StreamEvent> streams) {
  public StreamList {
    streams = List.copyOf(streams);
  }
}
