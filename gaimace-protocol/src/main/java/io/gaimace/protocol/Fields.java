package io.gaimace.protocol;

/**
 * Checks the records' compact constructors share, worded as the codec reports them.
 *
 * <p>Field names are the JSON names, not the Java component names, because these errors are read by
 * people looking at JSON.
 */
final class Fields {
  private Fields() {}

  /** Returns {@code value}, or throws if it is null. */
  static <T> T require(T value, String field) {
    if (value == null) {
      throw new ProtocolException("missing required field '" + field + "'", field, null);
    }
    return value;
  }

  /** Returns {@code value} if it is present and well-formed Unicode. */
  static String requireText(String value, String field) {
    return text(require(value, field), field);
  }

  /**
   * Returns {@code value} (possibly null) if it has no unpaired UTF-16 surrogate.
   *
   * <p>JSON escapes can smuggle a lone surrogate ({@code "\ud800"}) that UTF-8 cannot carry and
   * that strict clients in other languages refuse; I-JSON (RFC 7493) forbids it, and so do we.
   */
  static String text(String value, String field) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new ProtocolException(
            "field '" + field + "' must be valid Unicode: unpaired surrogate at index " + i,
            field,
            null);
      }
    }
    return value;
  }
}
