package io.gaimace.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads an {@link Instant} only from an ISO-8601 date-time string with {@code Z} or an offset.
 *
 * <p>Replaces the JavaTimeModule reader, which also accepts numbers as epoch seconds and zone-less
 * strings: a number that silently becomes 1970 is a bug report waiting to happen.
 */
final class StrictInstantDeserializer extends StdScalarDeserializer<Instant> {

  StrictInstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!p.hasToken(JsonToken.VALUE_STRING)) {
      return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
    }
    String text = p.getText();
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return (Instant)
          ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant with offset");
    }
  }
}
