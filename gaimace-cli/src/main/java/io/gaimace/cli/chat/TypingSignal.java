package io.gaimace.cli.chat;

/**
 * Decides, from the line being edited, when to tell the others that the user types: on every edit
 * of a message (the SDK throttles), and once {@code stopped} when the line is sent or emptied.
 * Commands ({@code /who}) are not messages, so typing one says nothing.
 */
final class TypingSignal {
  enum Action {
    TYPING,
    STOPPED,
    NONE
  }

  private boolean active;

  /** After an edit that left {@code line} in the input. */
  Action edited(String line) {
    boolean message = !line.isBlank() && (!line.startsWith("/") || line.startsWith("//"));
    if (message) {
      active = true;
      return Action.TYPING;
    }
    return finished();
  }

  /** The line was sent or thrown away. */
  Action finished() {
    if (active) {
      active = false;
      return Action.STOPPED;
    }
    return Action.NONE;
  }
}
