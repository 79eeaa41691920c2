package io.gaimace.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The grammar of {@code @user} mentions in a message's text, shared by the server (which decides
 * who is mentioned) and clients (which highlight the tokens).
 *
 * <p>A mention is {@code @} followed by a maximal run of id characters ({@code a-z}, {@code 0-9},
 * {@code -}, {@code _}; see {@link Ids}) that forms a valid id, where:
 *
 * <ul>
 *   <li>the {@code @} is at the start of the text or follows whitespace, one of {@code ( [ { < " '
 *       ` * ~ , ; : ! ?}, a non-ASCII character that is not a letter or digit (emoji, CJK
 *       punctuation), or a letter of a script written without spaces (Han, Hiragana, Katakana,
 *       Hangul, Thai, Lao, Khmer, Myanmar); so {@code bob@example.com} and {@code x@y} are not
 *       mentions;
 *   <li>the run is followed by the end of the text or by a character that is neither {@code @} nor
 *       a letter or digit, except letters of those scripts (so {@code @Bob}, {@code @bobé} and
 *       {@code @bob@host} are not mentions, {@code @bob你好} is).
 * </ul>
 *
 * <p>Matching is case-sensitive because ids are lower case. {@code @all} and {@code @here} have no
 * special meaning: they mention the users named {@code all} or {@code here}, if such users exist.
 */
public final class Mentions {
  private static final String OPENERS = "([{<\"'`*~,;:!?";

  /** Where a mention stands in the text: {@code [start, end)} covers {@code @} and the id. */
  public record Span(int start, int end, String userId) {}

  private Mentions() {}

  /** Every mention in the text, in order of appearance. */
  public static List<Span> spans(String text) {
    List<Span> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (text.charAt(i) != '@' || !opensMention(text, i)) {
        continue;
      }
      int end = i + 1;
      while (end < n && isIdChar(text.charAt(end))) {
        end++;
      }
      String id = text.substring(i + 1, end);
      if (Ids.isValid(id) && closesMention(text, end)) {
        out.add(new Span(i, end, id));
      }
      i = end - 1;
    }
    return out;
  }

  /** The distinct user ids mentioned in the text, sorted. */
  public static List<String> userIds(String text) {
    TreeSet<String> ids = new TreeSet<>();
    for (Span s : spans(text)) {
      ids.add(s.userId());
    }
    return List.copyOf(ids);
  }

  private static boolean opensMention(String text, int at) {
    if (at == 0) {
      return true;
    }
    int before = text.codePointBefore(at);
    return Character.isWhitespace(before)
        || Character.isSpaceChar(before)
        || OPENERS.indexOf(before) >= 0
        || (before > 127 && !Character.isLetterOrDigit(before))
        || writtenWithoutSpaces(before);
  }

  private static boolean closesMention(String text, int end) {
    if (end == text.length()) {
      return true;
    }
    int next = text.codePointAt(end);
    return next != '@' && (!Character.isLetterOrDigit(next) || writtenWithoutSpaces(next));
  }

  private static boolean writtenWithoutSpaces(int codePoint) {
    return switch (Character.UnicodeScript.of(codePoint)) {
      case HAN, HIRAGANA, KATAKANA, HANGUL, THAI, LAO, KHMER, MYANMAR -> true;
      default -> false;
    };
  }

  private static boolean isIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }
}
