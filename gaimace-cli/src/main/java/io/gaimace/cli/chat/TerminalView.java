package io.gaimace.cli.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.reader.Widget;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.Status;

/**
 * The chat in a real terminal, with JLine: incoming lines are printed above the line being typed
 * ({@link LineReader#printAbove}), a status line stays at the bottom ({@link Status}), and every
 * edit of the input is reported so others can see that the user types.
 *
 * <p>The reader runs on the main thread; the chat thread prints and updates the status. Both draw
 * under the reader's lock, so their escape sequences never interleave.
 */
final class TerminalView implements ChatView, AutoCloseable {
  /** Widgets that change the input; after each, the edit listener hears the new line. */
  private static final List<String> EDITS =
      List.of(
          LineReader.SELF_INSERT,
          LineReader.BACKWARD_DELETE_CHAR,
          LineReader.DELETE_CHAR,
          LineReader.KILL_WHOLE_LINE,
          LineReader.KILL_LINE,
          LineReader.BACKWARD_KILL_LINE,
          LineReader.KILL_WORD,
          LineReader.BACKWARD_KILL_WORD,
          LineReader.YANK,
          LineReader.BEGIN_PASTE,
          LineReader.UP_LINE_OR_HISTORY,
          LineReader.DOWN_LINE_OR_HISTORY);

  private final Terminal terminal;
  private final Reader reader;
  private final Status status;
  private volatile String prompt = "› ";

  private TerminalView(Terminal terminal) {
    this.terminal = terminal;
    this.reader = new Reader(terminal);
    this.status = Status.getStatus(terminal);
    // Take the status line's row now: growing it later scrolls up, losing the top line.
    status.update(List.of(AttributedString.EMPTY));
  }

  /** Opens the process's terminal. */
  static TerminalView open() {
    // Box-drawing characters as Unicode, not the terminal's alternate character set, which
    // tmux's capture-pane and some fonts render as letters ("qqq" for "───").
    if (System.getProperty(TerminalBuilder.PROP_DISABLE_ALTERNATE_CHARSET) == null) {
      System.setProperty(TerminalBuilder.PROP_DISABLE_ALTERNATE_CHARSET, "true");
    }
    try {
      return new TerminalView(TerminalBuilder.builder().system(true).name("gaimace").build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the terminal", e);
    }
  }

  /** Whether the terminal understands colours at all. */
  boolean supportsColour() {
    Integer colours = terminal.getNumericCapability(Capability.max_colors);
    return colours != null && colours >= 8;
  }

  /** Calls {@code listener} on the reader thread with the input line after every edit. */
  void onEdit(Consumer<String> listener) {
    for (String name : EDITS) {
      Widget original = reader.getWidgets().get(name);
      if (original != null) {
        reader
            .getWidgets()
            .put(
                name,
                () -> {
                  boolean done = original.apply();
                  listener.accept(reader.getBuffer().toString());
                  return done;
                });
      }
    }
  }

  /** Tab completes the line's current word from {@code words}. */
  void complete(Supplier<List<String>> words) {
    reader.setCompleter(
        (r, line, candidates) -> words.get().forEach(w -> candidates.add(new Candidate(w))));
  }

  /**
   * Reads one line.
   *
   * @throws UserInterruptException on Ctrl-C, with the line typed so far
   * @throws EndOfFileException on Ctrl-D
   */
  String readLine() {
    return reader.readLine(prompt);
  }

  @Override
  public void print(AttributedString line) {
    reader.printAbove(line);
  }

  @Override
  public void status(AttributedString line) {
    reader.locked(
        () -> {
          status.update(List.of(line));
          if (reader.isReading()) {
            reader.redisplay();
          }
        });
  }

  @Override
  public void prompt(AttributedString text) {
    String ansi = text.toAnsi(terminal);
    reader.locked(
        () -> {
          prompt = ansi;
          if (reader.isReading()) {
            reader.setPrompt(ansi);
            reader.redisplay();
          }
        });
  }

  @Override
  public void close() {
    reader.locked(status::hide);
    try {
      terminal.close();
    } catch (IOException e) {
      // the process ends anyway
    }
  }

  /** JLine's reader, plus drawing under its lock from another thread. */
  private static final class Reader extends LineReaderImpl {
    Reader(Terminal terminal) {
      super(terminal, "gaimace", null);
      // Typed text is sent as it is: no '!' history expansion, no removal of backslashes.
      setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION);
      // A sent line disappears from the input; it comes back formatted, as the server stored it.
      setOpt(LineReader.Option.ERASE_LINE_ON_FINISH);
      setVariable(LineReader.BELL_STYLE, "none");
    }

    void locked(Runnable drawing) {
      lock.lock();
      try {
        drawing.run();
      } finally {
        lock.unlock();
      }
    }
  }
}
