package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortcodesTest {
  @Test
  void shortcodesBecomeEmoji() {
    assertThat(Shortcodes.expand("hello :wave:")).isEqualTo("hello 👋");
    assertThat(Shortcodes.expand(":+1: :rocket::tada:")).isEqualTo("👍 🚀🎉");
    assertThat(Shortcodes.expand(":thumbsup:")).isEqualTo("👍");
  }

  @Test
  void unicodeEmojiAndOrdinaryColonsStayAsTheyAre() {
    assertThat(Shortcodes.expand("already 👋 and 🌻")).isEqualTo("already 👋 and 🌻");
    assertThat(Shortcodes.expand("meet at 10:30:45, ratio 3:2"))
        .isEqualTo("meet at 10:30:45, ratio 3:2");
    assertThat(Shortcodes.expand("std::vector and :no_such_emoji:"))
        .isEqualTo("std::vector and :no_such_emoji:");
    assertThat(Shortcodes.expand("no colons")).isEqualTo("no colons");
  }
}
