package io.gaimace.cli.chat;

import io.gaimace.cli.chat.ChatInput.Blank;
import io.gaimace.cli.chat.ChatInput.Quit;
import io.gaimace.protocol.Nullable;
import io.gaimace.sdk.GaimaceClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat session on a connected client, shown in a {@link ChatView}: the parts wired together. The
 * terminal's thread hands typed lines to {@link #submit}; everything else happens on the {@link
 * ChatThread}.
 */
final class Chat implements AutoCloseable {
  /** How long a blocking request may take (the SDK retries within it). */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final GaimaceClient client;
  private final ChatThread thread;
  private final Conversation conversation;
  private final Commands commands;
  private final Events events;

  Chat(GaimaceClient client, ChatView view, Theme theme, Clock clock) {
    this.client = client;
    LineFormatter format = new LineFormatter(theme, clock.getZone(), client.userId());
    this.thread = new ChatThread(view, format);
    ChatContext context =
        new ChatContext(
            client,
            client.blocking(REQUEST_TIMEOUT),
            view,
            format,
            new Names(id -> client.blocking(REQUEST_TIMEOUT).profile(id)),
            new Dialogues(client.userId()),
            thread);
    this.conversation = new Conversation(context, clock);
    this.commands = new Commands(context, conversation);
    this.events = new Events(context, conversation);
  }

  /** Shows the header and the dialogues, opens the first one (or {@code room}), listens. */
  void start(String server, @Nullable String room) {
    client.addListener(events);
    thread.execute(() -> commands.start(server, room));
  }

  /**
   * Handles a typed line on the chat thread.
   *
   * @return false when the line asks to quit
   */
  boolean submit(String line) {
    ChatInput input = CommandParser.parse(line);
    if (input instanceof Quit) {
      return false;
    }
    if (!(input instanceof Blank)) {
      thread.execute(() -> commands.run(input));
    }
    return true;
  }

  /** What Tab completes: the commands, then the known rooms and direct dialogues. */
  List<String> completions() {
    List<String> words = new ArrayList<>(CommandParser.commands());
    words.addAll(conversation.labels());
    return words;
  }

  /** The open dialogue's id, or null; safe from any thread. */
  @Nullable
  String currentDialogue() {
    return conversation.current();
  }

  /** Stops handling events; the caller closes the client. */
  @Override
  public void close() {
    client.removeListener(events);
    thread.close();
  }
}
