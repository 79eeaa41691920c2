package io.gaimace.server.messages;

import java.util.Optional;
import net.fellbaum.jemoji.Emoji;
import net.fellbaum.jemoji.EmojiManager;

/**
 * Recognises one emoji for a reaction with jemoji's list of Unicode emoji (including skin tones,
 * ZWJ sequences and flags), accepting a {@code :shortcode:} in its place.
 */
final class Emojis {
  private static final int MAX_CHARS = 64;

  private Emojis() {}

  /** The emoji as Unicode, or empty when the text is not exactly one emoji or known shortcode. */
  static Optional<String> single(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_CHARS) {
      return Optional.empty();
    }
    if (text.length() > 2 && text.startsWith(":") && text.endsWith(":")) {
      return EmojiManager.getByAlias(text)
          .filter(l -> !l.isEmpty())
          .map(l -> l.get(0))
          .map(Emoji::getEmoji);
    }
    return EmojiManager.isEmoji(text) ? Optional.of(text) : Optional.empty();
  }
}
