package io.gaimace.cli.chat;

import net.fellbaum.jemoji.EmojiManager;

/**
 * Converts {@code :shortcode:} emoji (GitHub, Slack and Discord aliases, such as {@code :wave:} or
 * {@code :+1:}) to Unicode before a message is sent. Unknown shortcodes, times like {@code 10:30}
 * and emoji typed as Unicode stay as they are.
 */
final class Shortcodes {
  private Shortcodes() {}

  static String expand(String text) {
    if (text.indexOf(':') < 0) {
      return text;
    }
    return EmojiManager.replaceAliases(text, (alias, emojis) -> emojis.get(0).getEmoji());
  }

  /** Loads the emoji tables now, so the first message is not delayed by it. */
  static void warmUp() {
    expand(":wave:");
  }
}
