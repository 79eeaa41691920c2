package io.gaimace.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Lets {@link ProtocolCodec#mapper()} read a {@link GaimaceMessage} (or a {@link MessageEvent})
 * nested in another module's record, dispatching on {@code type} exactly as the codec does.
 */
final class MessageDeserializer<T> extends StdDeserializer<T> {
  private final Class<T> expected;

  /** Reads any message assignable to {@code expected} ({@link GaimaceMessage} for all). */
  MessageDeserializer(Class<T> expected) {
    super(expected);
    this.expected = expected;
  }

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode tree = ctxt.readTree(p);
    Class<? extends GaimaceMessage> type;
    try {
      type = MessageTypes.resolve(tree, expected);
    } catch (ProtocolException e) {
      // Jackson users expect Jackson exceptions; the cause keeps the precise reason.
      throw JsonMappingException.from(p, e.getMessage(), e);
    }
    return expected.cast(ctxt.readTreeAsValue(tree, type));
  }
}
