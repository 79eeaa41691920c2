package io.gaimace.cli.chat;

import io.gaimace.cli.chat.ChatInput.Mute;
import io.gaimace.cli.chat.ChatInput.Role;
import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.api.SearchResults;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** {@code /search}, {@code /mute}, {@code /unmute} and {@code /role}. Chat thread only. */
final class Moderation {
  static final int SEARCH_RESULTS = 20;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

  private final ChatContext chat;
  private final Conversation conversation;

  Moderation(ChatContext chat, Conversation conversation) {
    this.chat = chat;
    this.conversation = conversation;
  }

  void search(String query) {
    SearchResults found = chat.api().search(query, null, SEARCH_RESULTS, null);
    if (found.messages().isEmpty()) {
      chat.view().print(chat.format().system("No message contains \"" + query + "\"."));
      return;
    }
    chat.view()
        .print(
            chat.format()
                .system(
                    "Messages containing \""
                        + query
                        + "\", newest first"
                        + (found.more() ? " (the newest " + SEARCH_RESULTS + ")" : "")
                        + ":"));
    for (ChatMessage m : found.messages()) {
      String label = chat.dialogues().label(m.dialogueId());
      String when = WHEN.format(m.timestamp().atZone(ZoneId.systemDefault()));
      String first = m.content().lines().findFirst().orElse("");
      chat.view()
          .print(
              chat.format().notice(label, when + " " + chat.names().of(m.sender()) + ": " + first));
    }
    if (found.truncated()) {
      chat.view()
          .print(chat.format().system("(older messages were not searched: scroll with /more)"));
    }
  }

  void mute(Mute mute) {
    String room = requireRoom("/mute");
    Instant until =
        mute.duration() == null
            ? null
            : Instant.now().plus(mute.duration()).truncatedTo(ChronoUnit.SECONDS);
    chat.api().mute(room, mute.userId(), until);
    chat.view()
        .print(
            chat.format()
                .system(
                    "You muted "
                        + chat.names().of(mute.userId())
                        + " in #"
                        + room
                        + (until == null ? " until /unmute." : " for " + mute.duration() + ".")));
  }

  void unmute(String userId) {
    String room = requireRoom("/unmute");
    chat.api().unmute(room, userId);
    chat.view()
        .print(chat.format().system(chat.names().of(userId) + " may post in #" + room + " again."));
  }

  void role(Role role) {
    String room = requireRoom("/role");
    chat.api().setRole(room, role.userId(), role.role());
    chat.view()
        .print(
            chat.format()
                .system(
                    chat.names().of(role.userId())
                        + " is now "
                        + role.role()
                        + " of #"
                        + room
                        + "."));
  }

  private String requireRoom(String command) {
    String id = conversation.current();
    if (id == null || chat.dialogues().peerOf(id) != null) {
      throw new ChatThread.Mistake(command + " works in a room: /open the room first");
    }
    return id;
  }
}
