package io.gaimace.server.files;

import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Check;
import java.util.regex.Pattern;

/** Checks of the descriptive fields of a file: name, MIME type and checksum. */
final class FileNames {
  /** RFC 6838 type/subtype tokens, with optional parameters such as {@code ; charset=utf-8}. */
  private static final Pattern MIME =
      Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}"
              + "(\\s*;\\s*[A-Za-z0-9!#$&^_.+-]+=(\"[^\"\\\\]*\"|[A-Za-z0-9!#$&^_.+-]+))*");

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  static final String DEFAULT_MIME = "application/octet-stream";

  private FileNames() {}

  /**
   * A file name: 1-255 characters, no path separators, no control characters, no unpaired
   * surrogates, and no bidirectional overrides (such as U+202E, which can make an .exe look like a
   * PDF).
   */
  static String name(String value) throws ApiException {
    Check.required(value, "name");
    if (value.isBlank() || value.length() > 255) {
      throw ApiException.invalid("field 'name' must be 1-255 characters");
    }
    if (value.equals(".") || value.equals("..")) {
      throw ApiException.invalid("field 'name' must name a file");
    }
    if (value.codePoints().anyMatch(FileNames::forbidden)) {
      throw ApiException.invalid(
          "field 'name' must be a plain file name without path separators, control or"
              + " direction-changing characters");
    }
    return value;
  }

  private static boolean forbidden(int c) {
    return c == '/'
        || c == '\\'
        || Character.isISOControl(c)
        || Character.getType(c) == Character.SURROGATE
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }

  static String mime(String value) throws ApiException {
    if (value == null) {
      return DEFAULT_MIME;
    }
    if (value.length() > 255 || !MIME.matcher(value).matches()) {
      throw ApiException.invalid("field 'mime' is not a MIME type like 'image/png'");
    }
    return value;
  }

  static String sha256(String value) throws ApiException {
    Check.required(value, "sha256");
    if (!SHA256.matcher(value).matches()) {
      throw ApiException.invalid("field 'sha256' must be 64 lower-case hex digits");
    }
    return value;
  }
}
