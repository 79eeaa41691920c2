package io.gaimace.cli.chat;

import io.gaimace.protocol.Presence;
import io.gaimace.protocol.PresenceStatus;
import io.gaimace.protocol.api.Member;
import io.gaimace.protocol.api.RoomInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** The chat's informative output: header, dialogue lists, members, help. Chat thread only. */
final class Listings {
  private final ChatContext chat;
  private final Conversation conversation;

  Listings(ChatContext chat, Conversation conversation) {
    this.chat = chat;
    this.conversation = conversation;
  }

  private Theme theme() {
    return chat.format().theme();
  }

  void header(String server) {
    String me = chat.me();
    print(
        new AttributedStringBuilder()
            .styled(theme().emphasis(), "Gaimace chat")
            .styled(theme().system(), " · you are ")
            .styled(chat.format().nameStyle(me), LineFormatter.clean(chat.names().of(me)))
            .styled(theme().system(), " (@" + me + ") on " + LineFormatter.clean(server))
            .toAttributedString());
  }

  /** Rooms and direct dialogues with their unread counts. */
  void dialogues() {
    List<Dialogues.Entry> all = chat.dialogues().all();
    if (all.isEmpty()) {
      print(chat.format().system("You have no rooms or direct messages yet."));
      return;
    }
    print(chat.format().system("Your rooms and direct messages:"));
    int width = all.stream().mapToInt(e -> e.label().length()).max().orElse(0);
    for (Dialogues.Entry e : all) {
      String name = e.isRoom() ? e.name : chat.names().of(e.peer);
      boolean open = e.id.equals(conversation.current());
      AttributedStringBuilder b =
          new AttributedStringBuilder()
              .append(open ? "› " : "  ")
              .styled(theme().dialogue(), e.label())
              .append(" ".repeat(width - e.label().length() + 2))
              .append(LineFormatter.clean(name));
      if (e.unread > 0 && !open) {
        b.append("  ").styled(theme().warning(), e.unread + " unread");
      }
      if (e.mentions > 0 && !open) {
        b.append("  ").styled(theme().mention(), "@" + e.mentions);
      }
      print(b.toAttributedString());
    }
  }

  /** Public rooms the user is not in. */
  void publicRooms() {
    List<String> others =
        chat.api().rooms().stream()
            .filter(r -> r.role() == null && RoomInfo.PUBLIC.equals(r.visibility()))
            .map(r -> "#" + r.roomId())
            .toList();
    if (!others.isEmpty()) {
      print(chat.format().system("Public rooms to /join: " + String.join(", ", others)));
    }
  }

  /** Members of the dialogue with their presence (and role, in a room). */
  void who(String dialogueId) {
    Map<String, String> roles = new HashMap<>();
    java.util.Set<String> muted = new java.util.HashSet<>();
    String peer = chat.dialogues().peerOf(dialogueId);
    if (peer == null) {
      for (Member m : chat.api().members(dialogueId)) {
        roles.put(m.userId(), m.role());
        if (Boolean.TRUE.equals(m.muted())) {
          muted.add(m.userId());
        }
      }
    } else {
      roles.put(chat.me(), Member.MEMBER);
      roles.put(peer, Member.MEMBER);
    }
    Map<String, PresenceStatus> status = new HashMap<>();
    for (Presence p : chat.api().presence(List.copyOf(roles.keySet()))) {
      status.put(p.userId(), p.status());
    }
    print(chat.format().system("In " + chat.dialogues().label(dialogueId) + ":"));
    roles.keySet().stream()
        .sorted()
        .forEach(
            id -> {
              PresenceStatus s = status.getOrDefault(id, PresenceStatus.OFFLINE);
              AttributedStringBuilder b = new AttributedStringBuilder().append("  ");
              b.styled(dot(s), s == PresenceStatus.OFFLINE ? "○ " : "● ");
              b.styled(chat.format().nameStyle(id), LineFormatter.clean(chat.names().of(id)));
              b.styled(theme().system(), " @" + id + " · " + s.wireValue());
              if (peer == null && !Member.MEMBER.equals(roles.get(id))) {
                b.styled(theme().system(), " · " + roles.get(id));
              }
              if (muted.contains(id)) {
                b.styled(theme().warning(), " · muted");
              }
              print(b.toAttributedString());
            });
  }

  private AttributedStyle dot(PresenceStatus s) {
    return switch (s) {
      case ONLINE -> theme().good();
      case AWAY -> theme().warning();
      case OFFLINE -> theme().system();
    };
  }

  void me(PresenceStatus status) {
    String me = chat.me();
    print(
        chat.format()
            .system(
                "You are "
                    + chat.names().of(me)
                    + " (@"
                    + me
                    + "), "
                    + status.wireValue()
                    + ". /status away|online changes it."));
  }

  void help() {
    print(chat.format().system("Type a message and press Enter to send it to the open dialogue."));
    print(
        chat.format().system(":shortcodes: become emoji (:wave: → 👋); start with // to send /."));
    int width = CommandParser.help().stream().mapToInt(h -> h[0].length()).max().orElse(0);
    for (String[] h : CommandParser.help()) {
      print(
          new AttributedStringBuilder()
              .append("  ")
              .styled(theme().dialogue(), h[0])
              .append(" ".repeat(width - h[0].length() + 2))
              .append(h[1])
              .toAttributedString());
    }
  }

  private void print(AttributedString line) {
    chat.view().print(line);
  }
}
