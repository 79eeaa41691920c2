package io.gaimace.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The registry from wire {@code type} names to records, and the checks on the envelope. */
final class MessageTypes {
  private static final Map<String, Class<? extends GaimaceMessage>> BY_TYPE =
      Map.ofEntries(
          Map.entry(ChatMessage.TYPE, ChatMessage.class),
          Map.entry(Presence.TYPE, Presence.class),
          Map.entry(Typing.TYPE, Typing.class),
          Map.entry(ErrorMessage.TYPE, ErrorMessage.class),
          Map.entry(ReadReceipt.TYPE, ReadReceipt.class),
          Map.entry(Profile.TYPE, Profile.class),
          Map.entry(MessageEdit.TYPE, MessageEdit.class),
          Map.entry(MessageDelete.TYPE, MessageDelete.class),
          Map.entry(MessageReaction.TYPE, MessageReaction.class));

  private MessageTypes() {}

  /** All registered wire type names with their records. */
  static Map<String, Class<? extends GaimaceMessage>> all() {
    return BY_TYPE;
  }

  /**
   * Finds the record a JSON tree must become, and checks it is what the caller asked for.
   *
   * @param expected {@link GaimaceMessage} to accept any type, or one record class
   * @throws ProtocolException if the tree is not an object or its {@code type} is missing, not a
   *     string, unknown, or not {@code expected}
   */
  static Class<? extends GaimaceMessage> resolve(JsonNode tree, Class<?> expected) {
    if (tree == null || !tree.isObject()) {
      throw new ProtocolException("not a JSON object");
    }
    JsonNode type = tree.get("type");
    if (type == null || type.isNull()) {
      throw new ProtocolException("missing required field 'type'", "type", null);
    }
    if (!type.isTextual()) {
      throw new ProtocolException("field 'type' must be a string", "type", null);
    }
    Class<? extends GaimaceMessage> actual = BY_TYPE.get(type.textValue());
    if (actual == null) {
      throw new ProtocolException(
          "unknown message type " + Quote.of(type.textValue()), "type", null);
    }
    if (!expected.isAssignableFrom(actual)) {
      throw new ProtocolException(
          "expected message type "
              + Quote.of(typeOf(expected))
              + " but got "
              + Quote.of(type.textValue()),
          "type",
          null);
    }
    return actual;
  }

  private static String typeOf(Class<?> record) {
    return BY_TYPE.entrySet().stream()
        .filter(e -> e.getValue().equals(record))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(record.getSimpleName());
  }
}
