package io.gaimace.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Lets {@link ProtocolCodec#mapper()} read a {@link GaimaceMessage} nested in another module's
 * record, dispatching on {@code type} exactly as the codec does.
 */
final class MessageDeserializer extends StdDeserializer<GaimaceMessage> {

  MessageDeserializer() {
    super(GaimaceMessage.class);
  }

  @Override
  public GaimaceMessage deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode tree = ctxt.readTree(p);
    Class<? extends GaimaceMessage> type;
    try {
      type = MessageTypes.resolve(tree, GaimaceMessage.class);
    } catch (ProtocolException e) {
      // Jackson users expect Jackson exceptions; the cause keeps the precise reason.
      throw JsonMappingException.from(p, e.getMessage(), e);
    }
    return ctxt.readTreeAsValue(tree, type);
  }
}
