package io.gaimace.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;

/**
 * Turns Jackson's exceptions into {@link ProtocolException}s whose message names the field and what
 * it must be, in the vocabulary of the protocol rather than of Java types.
 */
final class JacksonErrors {
  private static final PropertyNamingStrategies.NamingBase WIRE_NAMES =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  private static final int MAX_REASON_CHARS = 300;

  private JacksonErrors() {}

  /** Translates a failure to parse text into a JSON tree. */
  static ProtocolException parsing(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) {
      return new ProtocolException("message exceeds a limit: " + tidy(e), null, e);
    }
    if (e instanceof MismatchedInputException) {
      // The only binding check while reading a tree: FAIL_ON_TRAILING_TOKENS.
      return new ProtocolException("invalid JSON: unexpected data after the object" + where(e));
    }
    return new ProtocolException("invalid JSON: " + tidy(e) + where(e), null, e);
  }

  /** Translates a failure to turn a JSON tree into {@code record}. */
  static ProtocolException binding(Exception e, Class<?> record) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProtocolException p) {
        return p; // thrown by a record constructor: already precise
      }
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String field = m.getPath().get(0).getFieldName();
      Class<?> type = componentType(record, field);
      if (field != null && type != null) {
        return new ProtocolException("field '" + field + "' must be " + describe(type), field, e);
      }
    }
    String reason = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
    return new ProtocolException(
        "invalid message: " + Quote.escape(String.valueOf(reason), MAX_REASON_CHARS), null, e);
  }

  private static String where(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    if (at == null || at.getLineNr() < 0) {
      return "";
    }
    return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /**
   * Jackson's message without its Java-specific hints and source descriptions, with control
   * characters escaped and length capped, since it may quote the hostile input.
   */
  private static String tidy(JsonProcessingException e) {
    String text =
        e.getOriginalMessage()
            .replaceAll(", from `[^`]*`", "")
            .replaceAll("\\[Source: [^;\\]]*; ", "[");
    return Quote.escape(text, MAX_REASON_CHARS);
  }

  private static Class<?> componentType(Class<?> record, String field) {
    if (field == null || !record.isRecord()) {
      return null;
    }
    for (RecordComponent c : record.getRecordComponents()) {
      if (WIRE_NAMES.translate(c.getName()).equals(field)) {
        return c.getType();
      }
    }
    return null;
  }

  private static String describe(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == Long.class) {
      return "an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
    }
    if (type == Instant.class) {
      return "an ISO-8601 instant";
    }
    if (type.isEnum()) {
      return "one of " + WireEnums.choices(type);
    }
    return "a " + type.getSimpleName();
  }
}
