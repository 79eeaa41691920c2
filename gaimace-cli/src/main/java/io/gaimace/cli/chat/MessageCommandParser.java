package io.gaimace.cli.chat;

import io.gaimace.cli.chat.ChatInput.Delete;
import io.gaimace.cli.chat.ChatInput.Edit;
import io.gaimace.cli.chat.ChatInput.Invalid;
import io.gaimace.cli.chat.ChatInput.React;
import io.gaimace.cli.chat.ChatInput.Reply;
import io.gaimace.cli.chat.ChatInput.ShowThread;
import io.gaimace.protocol.Nullable;
import java.util.List;

/**
 * Reads the commands that act on a shown message. A message is named by {@code ^N}: {@code ^} or
 * {@code ^1} is the newest message shown, {@code ^2} the one before it. Without a reference, {@code
 * /reply}, {@code /react} and {@code /thread} take the newest message, {@code /edit} and {@code
 * /delete} one's own newest message.
 */
final class MessageCommandParser {
  static final List<String[]> HELP =
      List.of(
          new String[] {"/reply [^N] TEXT", "answer a message (^1 newest shown, ^2 before it…)"},
          new String[] {"/edit [^N] TEXT", "change your message (default: your last one)"},
          new String[] {"/delete [^N]", "delete your message (moderators: anyone's)"},
          new String[] {"/react [^N] EMOJI", "react with an emoji or :shortcode:"},
          new String[] {"/unreact [^N] EMOJI", "take your reaction back"},
          new String[] {"/thread [^N]", "show a message's thread"});

  private MessageCommandParser() {}

  /** The parsed command, or null when {@code command} is not one of these. */
  static @Nullable ChatInput parse(String command, String args) {
    return switch (command) {
      case "reply", "re" -> withText(args, "/reply [^N] TEXT", (ref, t) -> new Reply(or1(ref), t));
      case "edit" -> withText(args, "/edit [^N] TEXT", Edit::new);
      case "delete", "del" -> delete(args);
      case "react", "unreact" -> react(args, command.equals("react"));
      case "thread" -> thread(args);
      default -> null;
    };
  }

  private interface Build {
    ChatInput of(@Nullable Integer ref, String text);
  }

  /** A reference and the text after it. */
  private record Parts(@Nullable Integer ref, String rest, @Nullable String problem) {}

  private static Parts split(String args) {
    String s = args.strip();
    if (!s.startsWith("^")) {
      return new Parts(null, s, null);
    }
    int end = 1;
    while (end < s.length() && Character.isDigit(s.charAt(end))) {
      end++;
    }
    if (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
      return new Parts(null, s, null); // "^_^" is text, not a reference
    }
    String digits = s.substring(1, end);
    if (digits.length() > 6) {
      return new Parts(null, s, "^" + digits + " is not a message shown");
    }
    int ref = digits.isEmpty() ? 1 : Integer.parseInt(digits);
    if (ref < 1) {
      return new Parts(null, s, "references start at ^1, the newest message shown");
    }
    return new Parts(ref, s.substring(end).strip(), null);
  }

  private static ChatInput withText(String args, String usage, Build build) {
    Parts p = split(args);
    if (p.problem() != null) {
      return new Invalid(p.problem());
    }
    if (p.rest().isEmpty()) {
      return new Invalid("usage: " + usage);
    }
    return build.of(p.ref(), p.rest());
  }

  private static ChatInput delete(String args) {
    Parts p = split(args);
    if (p.problem() != null || !p.rest().isEmpty()) {
      return new Invalid(p.problem() != null ? p.problem() : "usage: /delete [^N]");
    }
    return new Delete(p.ref());
  }

  private static ChatInput react(String args, boolean add) {
    Parts p = split(args);
    String usage = add ? "usage: /react [^N] EMOJI" : "usage: /unreact [^N] EMOJI";
    if (p.problem() != null) {
      return new Invalid(p.problem());
    }
    if (p.rest().isEmpty() || p.rest().contains(" ")) {
      return new Invalid(usage);
    }
    return new React(or1(p.ref()), p.rest(), add);
  }

  private static ChatInput thread(String args) {
    Parts p = split(args);
    if (p.problem() != null || !p.rest().isEmpty()) {
      return new Invalid(p.problem() != null ? p.problem() : "usage: /thread [^N]");
    }
    return new ShowThread(or1(p.ref()));
  }

  private static int or1(@Nullable Integer ref) {
    return ref == null ? 1 : ref;
  }
}
