package io.gaimace.cli.chat;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Mentions;
import io.gaimace.protocol.MessageDelete;
import io.gaimace.protocol.MessageEdit;
import io.gaimace.protocol.MessageEvent;
import io.gaimace.protocol.MessageReaction;
import io.gaimace.protocol.Nullable;
import io.gaimace.protocol.Reaction;
import io.gaimace.sdk.GaimaceException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Turns chat events into styled terminal lines: messages as {@code HH:mm Name: text} in local time,
 * day separators, titles, notices and errors. Text from the network is cleaned of control
 * characters first, so a message cannot move the cursor or recolour the terminal.
 */
final class LineFormatter {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

  private final Theme theme;
  private final ZoneId zone;
  private final String me;

  LineFormatter(Theme theme, ZoneId zone, String me) {
    this.theme = theme;
    this.zone = zone;
    this.me = me;
  }

  Theme theme() {
    return theme;
  }

  /** The local date of a moment, to tell when a day separator is due. */
  LocalDate dayOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /**
   * A message: time, sender's name and text; continuation lines of a multi-line text are indented
   * under the first.
   */
  AttributedString message(ChatMessage m, String senderName) {
    return message(m, senderName, null);
  }

  /**
   * A message with its marks: {@code ↪ Name} when it answers someone ({@code ↪} alone when the
   * author answered is unknown), {@code (edited)}, {@code (deleted)} instead of a deleted text, and
   * its reactions with their counts.
   */
  AttributedString message(ChatMessage m, String senderName, @Nullable String repliedName) {
    boolean own = m.sender().equals(me);
    AttributedStringBuilder b = new AttributedStringBuilder();
    b.styled(theme.time(), TIME.format(m.timestamp().atZone(zone))).append(' ');
    b.styled(own ? theme.ownName() : theme.name(m.sender()), clean(senderName));
    if (m.replyTo() != null) {
      b.styled(theme.system(), repliedName == null ? " ↪" : " ↪ " + clean(repliedName));
    }
    String tag = agentTag(m);
    if (tag != null) {
      b.styled(theme.time(), " " + tag);
    }
    b.styled(own ? theme.ownText() : theme.text(), ": ");
    if (Boolean.TRUE.equals(m.deleted())) {
      return b.styled(theme.system(), "(deleted)").toAttributedString();
    }
    int indent = b.columnLength();
    String[] lines = clean(m.content()).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        b.append('\n').append(" ".repeat(indent));
      }
      text(b, own ? theme.ownText() : theme.text(), lines[i], !own);
    }
    if (m.editedAt() != null) {
      b.styled(theme.system(), " (edited)");
    }
    String reactions = reactions(m.reactions());
    if (!reactions.isEmpty()) {
      b.styled(theme.system(), "  " + reactions);
    }
    return b.toAttributedString();
  }

  /** Appends a line of text, its {@code @me} mentions in the mention style when asked. */
  private void text(AttributedStringBuilder b, AttributedStyle style, String line, boolean mark) {
    int at = 0;
    if (mark) {
      for (Mentions.Span s : Mentions.spans(line)) {
        if (s.userId().equals(me)) {
          b.styled(style, line.substring(at, s.start()));
          b.styled(theme.mention(), line.substring(s.start(), s.end()));
          at = s.end();
        }
      }
    }
    b.styled(style, line.substring(at));
  }

  /** {@code 👍 2 🎉 1}: each emoji with how many reacted. */
  static String reactions(@Nullable List<Reaction> reactions) {
    if (reactions == null) {
      return "";
    }
    return reactions.stream()
        .map(r -> clean(r.emoji()) + " " + r.users().size())
        .collect(Collectors.joining("  "));
  }

  /**
   * A change to a message, as a line under the messages (a terminal cannot rewrite the line shown
   * earlier): {@code ✎ Ann edited ^2: new text}, {@code ✗ Ann deleted ^2}, {@code Bob reacted 👍 to
   * ^2}. {@code ref} names the message when it is shown, else it is "a message".
   */
  AttributedString change(MessageEvent e, String actorName, @Nullable String ref) {
    String what = ref == null ? "a message" : ref;
    String text;
    if (e instanceof MessageEdit edit) {
      text = "✎ " + actorName + " edited " + what + ": " + edit.content();
    } else if (e instanceof MessageDelete) {
      text = "✗ " + actorName + " deleted " + what;
    } else {
      MessageReaction r = (MessageReaction) e;
      text =
          r.added()
              ? actorName + " reacted " + r.emoji() + " to " + what
              : actorName + " took back " + r.emoji() + " on " + what;
    }
    return system("  " + text);
  }

  /**
   * The agent extension as a short tag: {@code [poll → @a @b]} on a flow's start, {@code [chain
   * 2/3]} or {@code [poll answer]} on an answer, {@code [error]} on an agent's failure notice; null
   * for none.
   */
  static String agentTag(ChatMessage m) {
    io.gaimace.protocol.AgentMeta a = m.agent();
    if (a == null) {
      return null;
    }
    if (a.error() != null) {
      return "[error]";
    }
    io.gaimace.protocol.Flow f = a.flow();
    if (f == null) {
      return null;
    }
    if (f.step() == 0) {
      return "[" + f.kind() + " → @" + String.join(" @", f.agents()) + "]";
    }
    if (f.kind().equals(io.gaimace.protocol.Flow.POLL)) {
      return "[poll answer]";
    }
    return "[chain " + f.step() + "/" + f.agents().size() + "]";
  }

  /** {@code ── Today ──} when the date changes between two messages shown. */
  AttributedString daySeparator(LocalDate day, LocalDate today) {
    return system("── " + dayLabel(day, today) + " ──");
  }

  static String dayLabel(LocalDate day, LocalDate today) {
    if (day.equals(today)) {
      return "Today";
    }
    if (day.equals(today.minusDays(1))) {
      return "Yesterday";
    }
    return DAY.format(day);
  }

  /** The title printed when a dialogue is opened: {@code ── #lobby · Lobby ──}. */
  AttributedString title(String label, String name) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    b.styled(theme.system(), "── ").styled(theme.dialogue(), clean(label));
    if (!name.isBlank() && !label.endsWith(name)) {
      b.styled(theme.system(), " · ").styled(theme.emphasis(), clean(name));
    }
    return b.styled(theme.system(), " ──").toAttributedString();
  }

  /** A grey system line. */
  AttributedString system(String text) {
    return new AttributedString(clean(text), theme.system());
  }

  /** A yellow line about the connection. */
  AttributedString warning(String text) {
    return new AttributedString(clean(text), theme.warning());
  }

  /** A green line about the connection. */
  AttributedString good(String text) {
    return new AttributedString(clean(text), theme.good());
  }

  /**
   * A one-line notice about another dialogue: {@code • #random: new message from Bob (2 unread)}.
   */
  AttributedString notice(String label, String text) {
    return new AttributedStringBuilder()
        .styled(theme.system(), "• ")
        .styled(theme.dialogue(), clean(label))
        .styled(theme.system(), ": " + clean(text))
        .toAttributedString();
  }

  /** A notice that someone mentioned the user, in the mention style. */
  AttributedString mention(String label, String text) {
    return new AttributedStringBuilder()
        .styled(theme.mention(), "• ")
        .styled(theme.dialogue(), clean(label))
        .styled(theme.mention(), ": " + clean(text))
        .toAttributedString();
  }

  /** {@code ! reason [code]} in red. */
  AttributedString error(String reason, String code) {
    return new AttributedString("! " + clean(reason) + " [" + clean(code) + "]", theme.error());
  }

  /** {@code ! text} in red, for mistakes made at the keyboard. */
  AttributedString error(String text) {
    return new AttributedString("! " + clean(text), theme.error());
  }

  /** An SDK failure as {@code ! reason [code]}. */
  AttributedString error(GaimaceException e) {
    String text = e.getMessage();
    String suffix = " [" + e.code() + "]";
    String reason =
        text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
    return error(reason, e.code());
  }

  AttributedStyle nameStyle(String userId) {
    return userId.equals(me) ? theme.ownName() : theme.name(userId);
  }

  /**
   * Text from the network made safe to print: tabs become spaces, line ends become {@code \n},
   * other control characters and bidirectional overrides become {@code U+FFFD}.
   */
  static String clean(String text) {
    String s = text.replace("\r\n", "\n");
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              if (c == '\n') {
                out.append('\n');
              } else if (c == '\t') {
                out.append("    ");
              } else if (Character.isISOControl(c) || isBidiControl(c)) {
                out.append('\uFFFD');
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  private static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }
}
