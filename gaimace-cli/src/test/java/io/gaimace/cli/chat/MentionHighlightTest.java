package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.ChatMessage;
import java.time.Instant;
import java.time.ZoneId;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** Mentions of the user stand out in messages; others' mentions and e-mail addresses do not. */
class MentionHighlightTest {
  final Theme theme = Theme.colour();
  final LineFormatter format = new LineFormatter(theme, ZoneId.of("UTC"), "alice");

  AttributedString line(String sender, String content) {
    ChatMessage m =
        new ChatMessage(
            sender, "lobby", null, Instant.parse("2025-06-02T21:05:00Z"), content, "m", 1L, null);
    return format.message(m, sender);
  }

  @Test
  void theUsersOwnMentionIsHighlighted() {
    AttributedString l = line("bob", "hi @alice and @carol, mail alice@example.com");
    String text = l.toString();
    int mine = text.indexOf("@alice");
    assertThat(l.styleAt(mine)).isEqualTo(theme.mention());
    assertThat(l.styleAt(mine + "@alice".length() - 1)).isEqualTo(theme.mention());
    assertThat(l.styleAt(mine + "@alice".length())).isEqualTo(AttributedStyle.DEFAULT);
    assertThat(l.styleAt(text.indexOf("@carol"))).isEqualTo(AttributedStyle.DEFAULT);
    assertThat(l.styleAt(text.indexOf("alice@example"))).isEqualTo(AttributedStyle.DEFAULT);
    assertThat(text).isEqualTo("21:05 bob: hi @alice and @carol, mail alice@example.com");
  }

  @Test
  void ownMessagesAndPlainThemesAreNotHighlighted() {
    AttributedString own = line("alice", "@alice note");
    assertThat(own.styleAt(own.toString().indexOf("@alice"))).isEqualTo(theme.ownText());
    LineFormatter plain = new LineFormatter(Theme.plain(), ZoneId.of("UTC"), "alice");
    ChatMessage m =
        new ChatMessage("bob", "lobby", null, Instant.EPOCH, "@alice hi", "m", 1L, null);
    AttributedString l = plain.message(m, "bob");
    assertThat(l.styleAt(l.toString().indexOf("@alice"))).isEqualTo(AttributedStyle.DEFAULT);
  }

  @Test
  void mentionNoticesUseTheMentionStyle() {
    AttributedString n = format.mention("#lobby", "bob mentioned you: hi");
    assertThat(n.toString()).isEqualTo("• #lobby: bob mentioned you: hi");
    assertThat(n.styleAt(n.length() - 1)).isEqualTo(theme.mention());
  }
}
