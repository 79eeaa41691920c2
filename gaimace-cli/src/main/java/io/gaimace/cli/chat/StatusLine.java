package io.gaimace.cli.chat;

import io.gaimace.protocol.Nullable;
import io.gaimace.sdk.ConnectionState;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * What the status line at the bottom shows: {@code ● connected │ #lobby │ 2 online │ bob is
 * typing…}.
 *
 * @param state the connection's state
 * @param dialogue nullable: the label of the open dialogue, such as {@code #lobby}
 * @param presence nullable: who is around in it, such as {@code 2 online}
 * @param typists display names of those typing in it, in the order they started
 * @param draft nullable: an agent's answer growing live, such as {@code Sage ✎ …water at dawn}
 */
record StatusLine(
    ConnectionState state,
    @Nullable String dialogue,
    @Nullable String presence,
    List<String> typists,
    @Nullable String draft) {
  private static final String BAR = " │ ";

  StatusLine {
    typists = List.copyOf(typists);
  }

  /** A status line without an agent's answer being written. */
  StatusLine(
      ConnectionState state,
      @Nullable String dialogue,
      @Nullable String presence,
      List<String> typists) {
    this(state, dialogue, presence, typists, null);
  }

  AttributedString render(Theme theme) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    switch (state) {
      case CONNECTED -> b.styled(theme.good(), "● connected");
      case RECONNECTING -> b.styled(theme.warning(), "◌ reconnecting…");
      case RECONNECTED -> b.styled(theme.warning(), "◌ catching up…");
      case CLOSED -> b.styled(theme.error(), "✕ disconnected");
    }
    if (dialogue != null) {
      b.styled(theme.system(), BAR).styled(theme.dialogue(), LineFormatter.clean(dialogue));
    }
    if (presence != null) {
      b.styled(theme.system(), BAR + presence);
    }
    String typing = typingText(typists);
    if (!typing.isEmpty()) {
      b.styled(theme.system(), BAR).styled(theme.typing(), LineFormatter.clean(typing));
    }
    if (draft != null) {
      b.styled(theme.system(), BAR).styled(theme.typing(), LineFormatter.clean(draft));
    }
    return b.toAttributedString();
  }

  /** {@code bob is typing…}, {@code bob and cy are typing…}, {@code 3 people are typing…}. */
  static String typingText(List<String> names) {
    return switch (names.size()) {
      case 0 -> "";
      case 1 -> names.get(0) + " is typing…";
      case 2 -> names.get(0) + " and " + names.get(1) + " are typing…";
      default -> names.size() + " people are typing…";
    };
  }
}
