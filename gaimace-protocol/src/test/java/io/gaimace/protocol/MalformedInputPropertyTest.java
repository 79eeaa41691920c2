package io.gaimace.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the bytes, decoding returns a message or throws a {@link ProtocolException} with a
 * reason; never another exception, never a stack overflow or an out-of-memory error.
 */
class MalformedInputPropertyTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Property(tries = 3000)
  void randomBytes(@ForAll byte[] bytes) {
    decodesOrRejects(bytes);
  }

  @Property(tries = 3000)
  void jsonLikeGarbage(@ForAll("garbage") String text) {
    decodesOrRejects(text.getBytes(UTF_8));
  }

  @Property
  void everyStrictPrefixOfAMessageIsRejected(
      @ForAll("messages") GaimaceMessage message, @ForAll @IntRange(max = 10_000) int cut) {
    byte[] json = ProtocolCodec.encode(message);
    byte[] prefix = Arrays.copyOf(json, cut % json.length);
    assertThatThrownBy(() -> ProtocolCodec.decode(prefix))
        .isInstanceOf(ProtocolException.class)
        .hasMessageMatching("(invalid JSON: |invalid UTF-8|not a JSON object).*");
  }

  @Property
  void flippingAnyByteNeverCrashes(
      @ForAll("messages") GaimaceMessage message,
      @ForAll @IntRange(max = 10_000) int position,
      @ForAll byte value) {
    byte[] json = ProtocolCodec.encode(message);
    json[position % json.length] = value;
    decodesOrRejects(json);
  }

  @Property
  void missingEachRequiredField(@ForAll("messages") GaimaceMessage message, @ForAll int pick) {
    List<Wire.Field> required =
        Wire.FIELDS.get(message.type()).stream().filter(Wire.Field::required).toList();
    String field = required.get(Math.floorMod(pick, required.size())).name();
    ObjectNode tree = Wire.tree(message);
    tree.remove(field);
    assertRejected(tree, field, "missing required field '" + field + "'");
    tree.putNull(field);
    assertRejected(tree, field, "missing required field '" + field + "'");
  }

  @Property
  void missingType(@ForAll("messages") GaimaceMessage message) {
    ObjectNode tree = Wire.tree(message);
    tree.remove("type");
    assertRejected(tree, "type", "missing required field 'type'");
  }

  @Property(tries = 2000)
  void wrongJsonTypeForEachField(
      @ForAll("messages") GaimaceMessage message,
      @ForAll int pick,
      @ForAll("wrongForText") JsonNode notText,
      @ForAll("wrongForInteger") JsonNode notInteger,
      @ForAll("wrongForInstant") JsonNode notInstant,
      @ForAll("wrongForEnum") JsonNode notEnum) {
    List<Wire.Field> fields = Wire.FIELDS.get(message.type());
    Wire.Field field = fields.get(Math.floorMod(pick, fields.size()));
    ObjectNode tree = Wire.tree(message);
    String must = "field '" + field.name() + "' must be ";
    switch (field.kind()) {
      case TEXT -> {
        tree.set(field.name(), notText);
        assertRejected(tree, field.name(), must + "a string");
      }
      case INTEGER -> {
        tree.set(field.name(), notInteger);
        assertRejected(
            tree,
            field.name(),
            must + "an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
      }
      case INSTANT -> {
        tree.set(field.name(), notInstant);
        assertRejected(tree, field.name(), must + "an ISO-8601 instant");
      }
      case ENUM -> {
        Assume.that(!(notEnum.isTextual() && field.choices().contains(notEnum.textValue())));
        tree.set(field.name(), notEnum);
        assertRejected(tree, field.name(), must + "one of " + String.join(", ", field.choices()));
      }
    }
  }

  @Property
  void typeThatIsNotAString(
      @ForAll("messages") GaimaceMessage message, @ForAll("wrongForText") JsonNode type) {
    ObjectNode tree = Wire.tree(message);
    tree.set("type", type);
    assertRejected(tree, "type", "field 'type' must be a string");
  }

  @Property
  void unknownType(@ForAll("messages") GaimaceMessage message, @ForAll("text") String type) {
    Assume.that(!Wire.FIELDS.containsKey(type));
    ObjectNode tree = Wire.tree(message);
    tree.put("type", type);
    assertThatThrownBy(() -> ProtocolCodec.decode(Wire.bytes(tree)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("unknown message type '");
  }

  @Property
  void unknownFieldsAreIgnored(
      @ForAll("messages") GaimaceMessage message,
      @ForAll("text") String name,
      @ForAll("anyJson") JsonNode value) {
    ObjectNode tree = Wire.tree(message);
    Assume.that(
        !tree.has(name)
            && Wire.FIELDS.get(message.type()).stream().noneMatch(f -> f.name().equals(name)));
    tree.set(name, value);
    assertThat(ProtocolCodec.decode(Wire.bytes(tree))).isEqualTo(message);
  }

  @Property(tries = 200)
  void deepNestingIsRejectedNotOverflowed(
      @ForAll @IntRange(min = 32, max = 200_000) int depth, @ForAll boolean objects) {
    String open = objects ? "{\"a\":" : "[";
    String close = objects ? "}" : "]";
    String json =
        "{\"type\":\"error\",\"message\":\"m\",\"x\":"
            + open.repeat(depth)
            + "1"
            + close.repeat(depth)
            + "}";
    assertThatThrownBy(() -> ProtocolCodec.decode(json.getBytes(UTF_8)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("message ");
  }

  @Property(tries = 20)
  void hugeInputIsRejected(@ForAll @IntRange(min = 1 << 20, max = 4 << 20) int length) {
    String json = "{\"type\":\"error\",\"message\":\"" + "x".repeat(length) + "\"}";
    assertThatThrownBy(() -> ProtocolCodec.decode(json.getBytes(UTF_8)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("message too large: ");
  }

  @Provide
  Arbitrary<GaimaceMessage> messages() {
    return Gen.messages();
  }

  @Provide
  Arbitrary<String> text() {
    return Gen.text();
  }

  @Provide
  Arbitrary<String> garbage() {
    return Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"",
            "\\",
            "\\u",
            "\\ud800",
            "null",
            "true",
            "-",
            "0",
            "1e999",
            ".",
            " ",
            "\"type\"",
            "\"message\"",
            "\"presence\"",
            "\"status\"",
            "\"online\"",
            "\"sender\"",
            "\"timestamp\"",
            "\"2023-10-22T14:48:00Z\"",
            "😀",
            "\u0000")
        .list()
        .ofMaxSize(40)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<JsonNode> anyJson() {
    return Arbitraries.oneOf(
        wrongForText(), Gen.text().map(NODES::textNode), Arbitraries.just(NODES.nullNode()));
  }

  @Provide
  Arbitrary<JsonNode> wrongForText() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(n -> (JsonNode) NODES.numberNode(n)),
        Arbitraries.doubles().map(n -> (JsonNode) NODES.numberNode(n)),
        Arbitraries.just(NODES.numberNode(new BigInteger("123456789012345678901234567890"))),
        Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
        Gen.text().map(s -> (JsonNode) NODES.objectNode().put("value", s)),
        Gen.text().map(s -> (JsonNode) NODES.arrayNode().add(s)),
        Arbitraries.just(NODES.objectNode()),
        Arbitraries.just(NODES.arrayNode()));
  }

  @Provide
  Arbitrary<JsonNode> wrongForInteger() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(n -> (JsonNode) NODES.textNode(Long.toString(n))),
        Arbitraries.just(NODES.textNode("")),
        Arbitraries.doubles().map(n -> (JsonNode) NODES.numberNode(n)),
        Arbitraries.just(NODES.numberNode(1.0)),
        Arbitraries.just(NODES.numberNode(new BigInteger("9223372036854775808"))),
        Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
        Arbitraries.just(NODES.objectNode()),
        Arbitraries.just(NODES.arrayNode().add(1)));
  }

  @Provide
  Arbitrary<JsonNode> wrongForInstant() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(n -> (JsonNode) NODES.numberNode(n)),
        Gen.text().filter(s -> !isInstant(s)).map(s -> (JsonNode) NODES.textNode(s)),
        Arbitraries.of("2023-10-22", "2023-10-22T14:48:00", "14:48:00Z", "2023-10-22 14:48:00Z", "")
            .map(s -> (JsonNode) NODES.textNode(s)),
        Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
        Arbitraries.just(NODES.objectNode()),
        Arbitraries.just(NODES.arrayNode().add("2023-10-22T14:48:00Z")));
  }

  @Provide
  Arbitrary<JsonNode> wrongForEnum() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(n -> (JsonNode) NODES.numberNode(n)),
        Gen.text().map(s -> (JsonNode) NODES.textNode(s)),
        Arbitraries.of("ONLINE", "Typing", "AGENT", " online", "away ", "")
            .map(s -> (JsonNode) NODES.textNode(s)),
        Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
        Arbitraries.just(NODES.objectNode()),
        Arbitraries.just(NODES.arrayNode().add("online")));
  }

  private static boolean isInstant(String s) {
    try {
      OffsetDateTime.parse(s);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** Passes if decoding succeeds or fails with a reason; any other throwable fails the test. */
  private static void decodesOrRejects(byte[] bytes) {
    try {
      assertThat(ProtocolCodec.decode(bytes)).isNotNull();
    } catch (ProtocolException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  private static void assertRejected(ObjectNode tree, String field, String reason) {
    assertThatThrownBy(() -> ProtocolCodec.decode(Wire.bytes(tree)))
        .isInstanceOf(ProtocolException.class)
        .hasMessage(reason)
        .satisfies(e -> assertThat(((ProtocolException) e).field()).isEqualTo(field));
  }
}
