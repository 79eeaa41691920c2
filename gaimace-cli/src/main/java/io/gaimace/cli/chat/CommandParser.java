package io.gaimace.cli.chat;

import io.gaimace.cli.chat.ChatInput.Blank;
import io.gaimace.cli.chat.ChatInput.Create;
import io.gaimace.cli.chat.ChatInput.Direct;
import io.gaimace.cli.chat.ChatInput.Help;
import io.gaimace.cli.chat.ChatInput.Invalid;
import io.gaimace.cli.chat.ChatInput.Invite;
import io.gaimace.cli.chat.ChatInput.Join;
import io.gaimace.cli.chat.ChatInput.Leave;
import io.gaimace.cli.chat.ChatInput.Me;
import io.gaimace.cli.chat.ChatInput.More;
import io.gaimace.cli.chat.ChatInput.Mute;
import io.gaimace.cli.chat.ChatInput.Open;
import io.gaimace.cli.chat.ChatInput.Quit;
import io.gaimace.cli.chat.ChatInput.Role;
import io.gaimace.cli.chat.ChatInput.Rooms;
import io.gaimace.cli.chat.ChatInput.Say;
import io.gaimace.cli.chat.ChatInput.Search;
import io.gaimace.cli.chat.ChatInput.SetStatus;
import io.gaimace.cli.chat.ChatInput.Unknown;
import io.gaimace.cli.chat.ChatInput.Unmute;
import io.gaimace.cli.chat.ChatInput.Who;
import io.gaimace.protocol.Ids;
import io.gaimace.protocol.PresenceStatus;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads a typed line: text to send, or a {@code /command}. A line starting with {@code //} sends
 * the text after the first slash, so messages can start with a slash. Room and user arguments may
 * carry their {@code #} or {@code @} and are checked against the id rule before anything is sent.
 */
final class CommandParser {
  /** Each command with its arguments and what it does, for {@code /help}. */
  static final List<String[]> HELP =
      List.of(
          new String[] {"/rooms", "your rooms and direct messages, with unread counts"},
          new String[] {"/open ROOM | @USER", "switch to a room, or to a direct dialogue"},
          new String[] {"/join ROOM", "join a public room and open it"},
          new String[] {"/leave", "leave the open room"},
          new String[] {"/create ROOM [--public]", "create a room (private unless --public)"},
          new String[] {"/invite USER", "add someone to the open room"},
          new String[] {"/dm USER MESSAGE", "send a direct message without switching"},
          new String[] {"/who", "members of the open dialogue and who is online"},
          new String[] {"/more", "older messages (also /history)"},
          new String[] {"/status away|online", "set your presence"},
          new String[] {"/search TEXT", "find messages containing TEXT in your dialogues"},
          new String[] {"/mute USER [30m|2h|1d]", "mute someone in the open room (moderators)"},
          new String[] {"/unmute USER", "let a muted member post again"},
          new String[] {"/role USER moderator|member|owner", "change a role (the room's owner)"},
          new String[] {"/me", "who you are"},
          new String[] {FileInputs.UPLOAD_USAGE, "share a file in the open dialogue"},
          new String[] {FileInputs.DOWNLOAD_USAGE, "save file [N] (to PATH, or here)"},
          new String[] {"/files", "the files shown, with their numbers"},
          new String[] {"/agents", "roll call: the AI agents online, with what they can do"},
          new String[] {"/poll @A @B QUESTION", "every agent named answers the question at once"},
          new String[] {"/chain @A @B QUESTION", "the agents answer in turn, each seeing the last"},
          new String[] {"/cancel", "stop the answer an agent is writing"},
          new String[] {"/quit", "leave the chat (also Ctrl-D)"});

  /** {@link #HELP} and the commands that act on a shown message. */
  static List<String[]> help() {
    List<String[]> all = new java.util.ArrayList<>(HELP);
    all.addAll(all.size() - 1, MessageCommandParser.HELP);
    return all;
  }

  private CommandParser() {}

  /** The command names, such as {@code /open}. */
  static List<String> commands() {
    return help().stream().map(h -> h[0].split(" ")[0]).toList();
  }

  static ChatInput parse(String line) {
    String text = line.strip();
    if (text.isEmpty()) {
      return new Blank();
    }
    if (text.startsWith("//")) {
      return new Say(text.substring(1));
    }
    if (!text.startsWith("/")) {
      return new Say(line.stripTrailing());
    }
    String[] words = text.substring(1).split("\\s+", 3);
    String command = words[0].toLowerCase(Locale.ROOT);
    String arg = words.length > 1 ? words[1] : null;
    String rest = words.length > 2 ? words[2] : null;
    ChatInput onMessage =
        MessageCommandParser.parse(command, text.substring(1 + words[0].length()));
    if (onMessage != null) {
      return onMessage;
    }
    return switch (command) {
      case "help", "?" -> new Help();
      case "rooms", "list" -> new Rooms();
      case "leave", "part" -> new Leave();
      case "who", "members" -> new Who();
      case "more", "history" -> new More();
      case "me", "whoami" -> new Me();
      case "quit", "exit", "q" -> new Quit();
      case "join" -> arg == null ? usage("/join ROOM") : room(arg, Join::new);
      case "open", "switch" -> open(arg);
      case "dm", "msg" -> direct(arg, rest);
      case "create" -> create(arg, rest);
      case "invite", "add" -> arg == null ? usage("/invite USER") : user(arg, Invite::new);
      case "status", "away" -> status(command.equals("away") ? "away" : arg);
      case "search", "find" -> search(text.substring(1 + words[0].length()).strip());
      case "mute" -> mute(arg, rest);
      case "unmute" -> arg == null ? usage("/unmute USER") : user(arg, Unmute::new);
      case "role" -> role(arg, rest);
      case "upload", "file" -> FileInputs.upload(text.substring(1 + words[0].length()));
      case "download", "save" -> FileInputs.download(text.substring(1 + words[0].length()));
      case "files" -> new ChatInput.ListFiles();
      case "agents", "rollcall" -> new ChatInput.Agents();
      case "cancel", "stop" -> new ChatInput.Cancel();
      case "poll", "chain" -> flow(command.equals("chain"), text.substring(1 + command.length()));
      default -> new Unknown("/" + words[0]);
    };
  }

  private static ChatInput open(String arg) {
    if (arg == null) {
      return usage("/open ROOM or /open @USER");
    }
    if (arg.startsWith("@")) {
      return user(arg, u -> new Open(u, true));
    }
    return room(arg, r -> new Open(r, false));
  }

  private static ChatInput direct(String user, String text) {
    if (user == null || text == null || text.isBlank()) {
      return usage("/dm USER MESSAGE");
    }
    return user(user, u -> new Direct(u, text.strip()));
  }

  private static ChatInput create(String room, String options) {
    if (room == null) {
      return usage("/create ROOM [--public]");
    }
    boolean open = false;
    if (options != null) {
      for (String option : options.split("\\s+")) {
        if (option.equals("--public")) {
          open = true;
        } else {
          return new Invalid("unknown option " + option + "; usage: /create ROOM [--public]");
        }
      }
    }
    boolean isPublic = open;
    return room(room, r -> new Create(r, isPublic));
  }

  private static ChatInput search(String query) {
    return query.isEmpty() ? usage("/search TEXT") : new Search(query);
  }

  private static ChatInput mute(String userArg, String durationArg) {
    if (userArg == null) {
      return usage("/mute USER [30m|2h|1d]");
    }
    if (durationArg == null) {
      return user(userArg, u -> new Mute(u, null));
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([1-9][0-9]{0,5})([smhd])").matcher(durationArg.strip());
    if (!m.matches()) {
      return new Invalid(
          "'"
              + LineFormatter.clean(durationArg)
              + "' is not a duration; usage: /mute USER [30m|2h|1d]");
    }
    long n = Long.parseLong(m.group(1));
    java.time.Duration d =
        switch (m.group(2)) {
          case "s" -> java.time.Duration.ofSeconds(n);
          case "m" -> java.time.Duration.ofMinutes(n);
          case "h" -> java.time.Duration.ofHours(n);
          default -> java.time.Duration.ofDays(n);
        };
    return user(userArg, u -> new Mute(u, d));
  }

  private static ChatInput role(String userArg, String roleArg) {
    String role = roleArg == null ? "" : roleArg.strip().toLowerCase(Locale.ROOT);
    if (userArg == null || !List.of("owner", "moderator", "member").contains(role)) {
      return usage("/role USER moderator|member|owner");
    }
    return user(userArg, u -> new Role(u, role));
  }

  /** {@code @a @b question}: the leading {@code @ids}, then the question. */
  private static ChatInput flow(boolean chain, String args) {
    String usage = chain ? "/chain @A @B QUESTION" : "/poll @A @B QUESTION";
    java.util.List<String> agents = new java.util.ArrayList<>();
    String rest = args.strip();
    while (rest.startsWith("@")) {
      String[] parts = rest.split("\\s+", 2);
      String id = parts[0].substring(1);
      if (!Ids.isValid(id)) {
        return new Invalid("'" + LineFormatter.clean(parts[0]) + "' is not a valid user id");
      }
      agents.add(id);
      rest = parts.length > 1 ? parts[1].strip() : "";
    }
    if (agents.isEmpty() || rest.isEmpty()) {
      return usage(usage);
    }
    return new ChatInput.StartFlow(chain, agents, rest);
  }

  private static ChatInput status(String arg) {
    String value = arg == null ? "" : arg.toLowerCase(Locale.ROOT);
    return switch (value) {
      case "away" -> new SetStatus(PresenceStatus.AWAY);
      case "online", "back" -> new SetStatus(PresenceStatus.ONLINE);
      default -> usage("/status away|online");
    };
  }

  private static ChatInput room(String arg, Function<String, ChatInput> then) {
    return id(arg.startsWith("#") ? arg.substring(1) : arg, "room", then);
  }

  private static ChatInput user(String arg, Function<String, ChatInput> then) {
    return id(arg.startsWith("@") ? arg.substring(1) : arg, "user", then);
  }

  private static ChatInput id(String id, String what, Function<String, ChatInput> then) {
    if (!Ids.isValid(id)) {
      return new Invalid(
          "'"
              + LineFormatter.clean(id)
              + "' is not a valid "
              + what
              + " id: use lower-case letters, digits, '-' or '_'");
    }
    return then.apply(id);
  }

  private static Invalid usage(String usage) {
    return new Invalid("usage: " + usage);
  }
}
