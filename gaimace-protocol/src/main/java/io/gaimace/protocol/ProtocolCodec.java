package io.gaimace.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * Encodes {@link GaimaceMessage}s to JSON and decodes them back, strictly.
 *
 * <p>Decoding is forward compatible (unknown fields are ignored) and otherwise unforgiving: a
 * missing required field, a JSON value of the wrong type (no number-to-string or string-to-number
 * conversion), an unknown {@code type}, malformed JSON or invalid UTF-8 is a {@link
 * ProtocolException} whose message names the problem. Hostile input is bounded: documents over
 * {@value #MAX_MESSAGE_BYTES} bytes or nested deeper than 32 levels are rejected before they can
 * exhaust memory or the stack. Decoding never throws anything else for any input.
 *
 * <p>Encoding writes UTF-8 JSON with the {@code type} first, snake_case field names, instants as
 * ISO-8601 UTC strings, and omits null optional fields.
 *
 * <p>All methods are static and thread-safe: the codec is one immutable Jackson configuration.
 */
public final class ProtocolCodec {
  /** The largest message {@link #decode(byte[])} accepts, in bytes. */
  public static final int MAX_MESSAGE_BYTES = JsonMappers.MAX_DOCUMENT_BYTES;

  private static final ObjectMapper CODEC_MAPPER = JsonMappers.create();
  private static final ObjectMapper SHARED_MAPPER = JsonMappers.create();

  private ProtocolCodec() {}

  /**
   * A Jackson mapper configured like the codec, for other modules' JSON records: snake_case names,
   * ISO-8601 instants, unknown properties ignored, nulls omitted, no scalar coercion, the same
   * input limits, and {@link GaimaceMessage} readable as a polymorphic field.
   *
   * <p>It is one shared instance: treat it as read-only, and {@link ObjectMapper#copy()} it to
   * change settings. The codec itself uses a private instance, so changes cannot weaken decoding.
   *
   * @return the shared mapper
   */
  public static ObjectMapper mapper() {
    return SHARED_MAPPER;
  }

  /**
   * Encodes a message as UTF-8 JSON.
   *
   * @param message the message
   * @return the JSON bytes
   */
  public static byte[] encode(GaimaceMessage message) {
    Objects.requireNonNull(message, "message");
    try {
      return CODEC_MAPPER.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw encodingBug(message, e);
    }
  }

  /**
   * Encodes a message as a JSON string.
   *
   * @param message the message
   * @return the JSON text
   */
  public static String encodeToString(GaimaceMessage message) {
    Objects.requireNonNull(message, "message");
    try {
      return CODEC_MAPPER.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw encodingBug(message, e);
    }
  }

  /**
   * Decodes a message of any type, dispatching on its {@code type} field.
   *
   * @param json UTF-8 JSON bytes
   * @return the message, one of the records of the sealed family
   * @throws ProtocolException if the input is not a valid protocol message
   */
  public static GaimaceMessage decode(byte[] json) {
    return decode(json, GaimaceMessage.class);
  }

  /**
   * Decodes a message that must be of one type.
   *
   * @param json UTF-8 JSON bytes
   * @param type the expected record, or {@code GaimaceMessage.class} for any
   * @param <T> the expected record
   * @return the message
   * @throws ProtocolException if the input is not a valid protocol message, or its {@code type} is
   *     another one
   */
  public static <T extends GaimaceMessage> T decode(byte[] json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    if (json.length > MAX_MESSAGE_BYTES) {
      throw new ProtocolException(
          "message too large: " + json.length + " bytes, the limit is " + MAX_MESSAGE_BYTES);
    }
    JsonNode tree;
    try {
      tree = CODEC_MAPPER.readTree(StrictUtf8.decode(json));
    } catch (JsonProcessingException e) {
      throw JacksonErrors.parsing(e);
    }
    Class<? extends GaimaceMessage> record = MessageTypes.resolve(tree, type);
    try {
      return type.cast(CODEC_MAPPER.treeToValue(tree, record));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw JacksonErrors.binding(e, record);
    }
  }

  private static IllegalStateException encodingBug(GaimaceMessage message, Exception e) {
    // Records are validated on construction, so this is a bug, not bad input.
    return new IllegalStateException("cannot encode a '" + message.type() + "' message", e);
  }
}
