package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.MessageDelete;
import io.gaimace.protocol.MessageEdit;
import io.gaimace.protocol.MessageReaction;
import io.gaimace.protocol.Reaction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShownMessagesTest {
  static final Instant AT = Instant.parse("2025-06-02T21:05:00Z");
  final ShownMessages shown = new ShownMessages();

  static ChatMessage msg(String id, String sender, String text) {
    return new ChatMessage(sender, "lobby", null, AT, text, id, 1L, null);
  }

  @Test
  void referencesCountBackFromTheNewestShown() {
    shown.add(msg("a", "ann", "one"));
    shown.add(msg("b", "ben", "two"));
    shown.addOlder(List.of(msg("z", "ann", "zero")));
    assertThat(shown.byRef(1)).map(ChatMessage::id).contains("b");
    assertThat(shown.byRef(3)).map(ChatMessage::id).contains("z");
    assertThat(shown.byRef(4)).isEmpty();
    assertThat(shown.refOf("a")).isEqualTo("^2");
    assertThat(shown.lastBy("ann")).map(ChatMessage::id).contains("a");
  }

  @Test
  void changesApplyToTheShownMessage() {
    shown.add(msg("a", "ann", "helo"));
    shown.apply(new MessageEdit("lobby", "a", "ann", "hello", AT, 5L));
    shown.apply(new MessageReaction("lobby", "a", "ben", "👍", "add", AT, 6L));
    shown.apply(new MessageReaction("lobby", "a", "cid", "👍", "add", AT, 7L));
    shown.apply(new MessageReaction("lobby", "a", "ben", "👍", "remove", AT, 8L));
    ChatMessage now = shown.get("a").orElseThrow();
    assertThat(now.content()).isEqualTo("hello");
    assertThat(now.editedAt()).isEqualTo(AT);
    assertThat(now.reactions()).containsExactly(new Reaction("👍", List.of("cid")));

    shown.apply(new MessageDelete("lobby", "a", "ann", AT, 9L));
    assertThat(shown.get("a").orElseThrow().deleted()).isTrue();
    assertThat(shown.get("a").orElseThrow().content()).isEmpty();
    assertThat(shown.lastBy("ann")).as("deleted messages are not one's last").isEmpty();
    shown.apply(new MessageEdit("lobby", "a", "ann", "late edit", AT, 10L));
    assertThat(shown.get("a").orElseThrow().content()).as("no text comes back").isEmpty();
    assertThat(shown.apply(new MessageDelete("lobby", "gone", "ann", AT, 10L))).isEmpty();
  }
}
