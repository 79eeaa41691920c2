package io.gaimace.cli.chat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.gaimace.cli.CommandFailure;
import io.gaimace.cli.ExitCode;
import io.gaimace.sdk.ClientOptions;
import io.gaimace.sdk.Gaimace;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.sdk.GaimaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.UserInterruptException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gaimace chat}: chat in the terminal as the user a token names. */
@Command(
    name = "chat",
    description = {
      "Chat in the terminal as the token's user: rooms, direct messages, typing, receipts.",
      "Type /help once inside for the commands."
    })
public final class ChatCommand implements Callable<Integer> {
  @Option(
      names = "--nats-url",
      paramLabel = "URL",
      defaultValue = "${env:GAIMACE_NATS_URL:-nats://127.0.0.1:4222}",
      description = "NATS server (env GAIMACE_NATS_URL; default ${DEFAULT-VALUE})")
  String natsUrl;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "your token (env GAIMACE_TOKEN); --token-file keeps it out of the process list")
  String token;

  @Option(names = "--token-file", paramLabel = "FILE", description = "file holding your token")
  Path tokenFile;

  @Option(
      names = "--room",
      paramLabel = "ROOM",
      description = "room to open first, joined if it is public (default: your first room)")
  String room;

  @Option(
      names = "--no-color",
      description = "no colours (also when the NO_COLOR environment variable is set)")
  boolean noColour;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws CommandFailure {
    ClientOptions options;
    try {
      options = ClientOptions.builder(token()).server(natsUrl).name("gaimace-chat").build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (GaimaceClient client = connect(options);
        TerminalView view = openTerminal();
        Chat chat = new Chat(client, view, theme(view), Clock.systemDefaultZone())) {
      TypingSignal typing = new TypingSignal();
      view.onEdit(line -> report(client, chat.currentDialogue(), typing.edited(line)));
      view.complete(chat::completions);
      chat.start(natsUrl, room);
      boolean going = true;
      while (going) {
        try {
          String line = view.readLine();
          report(client, chat.currentDialogue(), typing.finished());
          going = chat.submit(line);
        } catch (UserInterruptException e) {
          report(client, chat.currentDialogue(), typing.finished());
          going = !e.getPartialLine().isBlank(); // Ctrl-C clears the line, or quits on an empty one
        } catch (EndOfFileException e) {
          going = false;
        }
      }
    }
    return ExitCode.OK;
  }

  private static void report(GaimaceClient client, String dialogue, TypingSignal.Action action) {
    if (dialogue == null) {
      return;
    }
    switch (action) {
      case TYPING -> client.typing(dialogue);
      case STOPPED -> client.stopTyping(dialogue);
      case NONE -> {}
    }
  }

  private GaimaceClient connect(ClientOptions options) throws CommandFailure {
    try {
      return Gaimace.connect(options);
    } catch (RuntimeException e) {
      GaimaceException g = ChatThread.asGaimace(e);
      String hint =
          GaimaceException.UNAUTHORIZED.equals(g.code())
              ? "; check the token"
              : "; are nats-server and 'gaimace server' running at " + natsUrl + "?";
      throw new CommandFailure(
          ExitCode.UNAVAILABLE, "error [" + g.code() + "]: " + reason(g) + hint, e);
    }
  }

  private static String reason(GaimaceException e) {
    String suffix = " [" + e.code() + "]";
    String text = e.getMessage();
    return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
  }

  private Theme theme(TerminalView view) {
    boolean colour = !noColour && System.getenv("NO_COLOR") == null && view.supportsColour();
    return colour ? Theme.colour() : Theme.plain();
  }

  /**
   * Opens the terminal. Log lines on stderr would scribble over the chat, so logging is off from
   * now on unless GAIMACE_LOG_LEVEL asks for it (then redirect stderr to a file).
   */
  private static TerminalView openTerminal() {
    if (System.getenv("GAIMACE_LOG_LEVEL") == null
        && LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.OFF);
    }
    return TerminalView.open();
  }

  private String token() {
    if (token != null && !token.isBlank()) {
      return token.strip();
    }
    if (tokenFile != null) {
      try {
        String text = Files.readString(tokenFile).strip();
        if (text.isEmpty()) {
          throw usage("the token file " + tokenFile + " is empty");
        }
        return text;
      } catch (IOException e) {
        throw usage("cannot read the token file " + tokenFile + ": " + e.getMessage());
      }
    }
    String fromEnv = System.getenv("GAIMACE_TOKEN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    throw usage("no token: pass --token-file FILE or --token TOKEN, or set GAIMACE_TOKEN");
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
