package io.gaimace.protocol;

/**
 * Renders untrusted text inside error messages: control characters and lone surrogates escaped and
 * length capped, so hostile input can neither forge log lines nor flood them.
 */
final class Quote {
  private static final int MAX_QUOTED_CHARS = 64;

  private Quote() {}

  /** {@code text} in single quotes, escaped and capped at 64 characters. */
  static String of(String text) {
    return "'" + escape(text, MAX_QUOTED_CHARS) + "'";
  }

  /** {@code text} escaped and capped at {@code maxChars}, ending in "..." when cut. */
  static String escape(String text, int maxChars) {
    int end = Math.min(text.length(), maxChars);
    StringBuilder out = new StringBuilder(end + 8);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return end < text.length() ? out.append("...").toString() : out.toString();
  }
}
