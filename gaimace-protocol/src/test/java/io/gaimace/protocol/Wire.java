package io.gaimace.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The wire schema as the specification states it, written out independently of the main code so
 * that tests check the code against the spec rather than against itself.
 */
final class Wire {
  /** The JSON kind a field must have. */
  enum Kind {
    TEXT,
    INTEGER,
    INSTANT,
    ENUM
  }

  /** One field of one message type. */
  record Field(String name, Kind kind, boolean required, List<String> choices) {
    static Field of(String name, Kind kind, boolean required) {
      return new Field(name, kind, required, List.of());
    }

    static Field choice(String name, boolean required, String... choices) {
      return new Field(name, Kind.ENUM, required, List.of(choices));
    }
  }

  static final Map<String, List<Field>> FIELDS =
      Map.of(
          "message",
          List.of(
              Field.of("sender", Kind.TEXT, true),
              Field.of("dialogue_id", Kind.TEXT, true),
              Field.of("recipient", Kind.TEXT, false),
              Field.of("timestamp", Kind.INSTANT, true),
              Field.of("content", Kind.TEXT, true),
              Field.of("id", Kind.TEXT, false),
              Field.of("seq", Kind.INTEGER, false),
              Field.of("client_id", Kind.TEXT, false)),
          "presence",
          List.of(
              Field.of("user_id", Kind.TEXT, true),
              Field.choice("status", true, "online", "offline", "away"),
              Field.of("last_seen", Kind.INSTANT, false)),
          "typing",
          List.of(
              Field.of("user_id", Kind.TEXT, true),
              Field.choice("status", true, "typing", "stopped"),
              Field.of("dialogue_id", Kind.TEXT, false)),
          "error",
          List.of(
              Field.of("message", Kind.TEXT, true),
              Field.of("code", Kind.TEXT, false),
              Field.of("request_id", Kind.TEXT, false)),
          "read",
          List.of(
              Field.of("dialogue_id", Kind.TEXT, true),
              Field.of("user_id", Kind.TEXT, true),
              Field.of("seq", Kind.INTEGER, false),
              Field.of("timestamp", Kind.INSTANT, false)),
          "profile",
          List.of(
              Field.of("user_id", Kind.TEXT, true),
              Field.of("name", Kind.TEXT, true),
              Field.of("avatar", Kind.TEXT, false),
              Field.choice("kind", false, "human", "agent"),
              Field.of("description", Kind.TEXT, false)));

  /** A mapper with Jackson defaults, to build and alter JSON in tests. */
  static final ObjectMapper PLAIN = new ObjectMapper();

  private Wire() {}

  static ObjectNode tree(GaimaceMessage message) {
    try {
      return (ObjectNode) PLAIN.readTree(ProtocolCodec.encode(message));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(ObjectNode tree) {
    try {
      return PLAIN.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
