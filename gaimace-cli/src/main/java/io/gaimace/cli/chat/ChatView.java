package io.gaimace.cli.chat;

import org.jline.utils.AttributedString;

/**
 * Where the chat shows things. The terminal implementation prints above the line being typed and
 * keeps a status line at the bottom; tests record what is shown. Called from the chat thread.
 */
interface ChatView {
  /** Prints a line (or several, separated by {@code \n}) above the input line. */
  void print(AttributedString line);

  /** Replaces the status line. */
  void status(AttributedString line);

  /** Replaces the prompt in front of the input, e.g. {@code #lobby › }. */
  void prompt(AttributedString prompt);
}
