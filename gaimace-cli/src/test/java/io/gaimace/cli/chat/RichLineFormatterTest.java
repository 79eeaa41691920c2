package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.MessageDelete;
import io.gaimace.protocol.MessageEdit;
import io.gaimace.protocol.MessageReaction;
import io.gaimace.protocol.Reaction;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How replies, edits, deletions and reactions look in the terminal. */
class RichLineFormatterTest {
  static final Instant AT = Instant.parse("2025-06-02T21:05:00Z");
  final Theme theme = Theme.colour();
  final LineFormatter format = new LineFormatter(theme, ZoneId.of("Europe/Berlin"), "alice");
  final ChatMessage plain = new ChatMessage("bob", "lobby", null, AT, "hi there", "m1", 7L, null);

  @Test
  void repliesNameWhomTheyAnswer() {
    ChatMessage reply = plain.toBuilder().replyTo("m0").threadId("m0").build();
    assertThat(format.message(reply, "Bob", "Alice").toString())
        .isEqualTo("23:05 Bob ↪ Alice: hi there");
    assertThat(format.message(reply, "Bob", null).toString()).isEqualTo("23:05 Bob ↪: hi there");
  }

  @Test
  void editedDeletedAndReactedMessagesAreMarked() {
    ChatMessage edited =
        plain.toBuilder()
            .editedAt(AT)
            .reactions(
                List.of(
                    new Reaction("👍", List.of("a", "b")), new Reaction("👩‍👩‍👧", List.of("c"))))
            .build();
    assertThat(format.message(edited, "Bob").toString())
        .isEqualTo("23:05 Bob: hi there (edited)  👍 2  👩‍👩‍👧 1");
    int mark = "23:05 Bob: hi there ".length();
    assertThat(format.message(edited, "Bob").styleAt(mark)).isEqualTo(theme.system());

    ChatMessage deleted = plain.toBuilder().content("").deleted(true).build();
    assertThat(format.message(deleted, "Bob").toString()).isEqualTo("23:05 Bob: (deleted)");
  }

  @Test
  void changesAreLinesUnderTheMessages() {
    assertThat(
            format
                .change(new MessageEdit("lobby", "m1", "bob", "hey", AT, 9L), "Bob", "^2")
                .toString())
        .isEqualTo("  ✎ Bob edited ^2: hey");
    assertThat(
            format.change(new MessageDelete("lobby", "m1", "bob", AT, 9L), "Bob", null).toString())
        .isEqualTo("  ✗ Bob deleted a message");
    assertThat(
            format
                .change(new MessageReaction("lobby", "m1", "cy", "🎉", "add", AT, 9L), "Cy", "^1")
                .toString())
        .isEqualTo("  Cy reacted 🎉 to ^1");
    assertThat(
            format
                .change(
                    new MessageReaction("lobby", "m1", "cy", "🎉", "remove", AT, 9L), "Cy", "^1")
                .toString())
        .isEqualTo("  Cy took back 🎉 on ^1");
  }

  @Test
  void changedTextIsCleanedOfControlCharacters() {
    assertThat(
            format
                .change(new MessageEdit("lobby", "m1", "bob", "a\u001b[2Jb", AT, 9L), "Bob", "^1")
                .toString())
        .isEqualTo("  ✎ Bob edited ^1: a\uFFFD[2Jb");
  }
}
