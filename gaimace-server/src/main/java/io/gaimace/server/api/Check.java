package io.gaimace.server.api;

import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.Ids;

/** Checks of request fields that turn into {@code invalid_request} errors naming the field. */
public final class Check {
  private Check() {}

  public static <T> T required(T value, String field) throws ApiException {
    if (value == null) {
      throw ApiException.invalid("missing required field '" + field + "'");
    }
    return value;
  }

  public static String id(String value, String field) throws ApiException {
    required(value, field);
    if (!Ids.isValid(value)) {
      throw ApiException.invalid(
          "field '"
              + field
              + "' is not a valid id: use 1-64 lower-case letters, digits, '-' or '_'");
    }
    return value;
  }

  public static Dialogue dialogue(String value, String field) throws ApiException {
    required(value, field);
    try {
      return Dialogue.parse(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("field '" + field + "' is not a dialogue id: " + e.getMessage());
    }
  }

  public static String text(String value, String field, int maxChars) throws ApiException {
    if (value != null && value.length() > maxChars) {
      throw ApiException.invalid(
          "field '" + field + "' is longer than " + maxChars + " characters");
    }
    return value;
  }
}
