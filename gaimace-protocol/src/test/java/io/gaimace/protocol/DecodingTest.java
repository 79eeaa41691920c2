package io.gaimace.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the codec reads, and the exact reasons it gives when it refuses. */
class DecodingTest {
  private static final String CHAT_FIELDS =
      "\"sender\":\"alice\",\"dialogue_id\":\"general\",\"timestamp\":\"2023-10-22T14:48:00Z\"";

  @Test
  void unknownFieldsOfAnyShapeAreIgnored() {
    String json =
        "{\"type\":\"presence\",\"future\":{\"a\":[1,{\"b\":null}]},\"user_id\":\"bob\","
            + "\"status\":\"away\",\"n\":1.5e300,\"flag\":true,\"list\":[]}";
    assertThat(decode(json)).isEqualTo(new Presence("bob", PresenceStatus.AWAY));
  }

  @Test
  void timestampsWithAnOffsetAreConvertedToUtc() {
    var m =
        decode(
            "{\"type\":\"message\"," + CHAT_FIELDS.replace("Z", "+02:00") + ",\"content\":\"x\"}");
    assertThat(((ChatMessage) m).timestamp()).isEqualTo(Instant.parse("2023-10-22T12:48:00Z"));
  }

  @Test
  void explicitNullOptionalFieldsReadAsAbsent() {
    assertThat(decode("{\"type\":\"error\",\"message\":\"m\",\"code\":null,\"request_id\":null}"))
        .isEqualTo(new ErrorMessage("m"));
  }

  @Test
  void emptyStringsAreStringsNotNulls() {
    assertThat(decode("{\"type\":\"error\",\"message\":\"\",\"code\":\"\"}"))
        .isEqualTo(new ErrorMessage("", "", null));
  }

  @Test
  void decodingAsARecordChecksTheType() {
    byte[] read = "{\"type\":\"read\",\"dialogue_id\":\"g\",\"user_id\":\"a\"}".getBytes(UTF_8);
    assertThat(ProtocolCodec.decode(read, ReadReceipt.class)).isEqualTo(new ReadReceipt("g", "a"));
    assertThatThrownBy(() -> ProtocolCodec.decode(read, ChatMessage.class))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("expected message type 'message' but got 'read'");
  }

  @Test
  void missingRequiredField() {
    rejects(
            "{\"type\":\"message\",\"dialogue_id\":\"g\",\"timestamp\":\"2023-10-22T14:48:00Z\",\"content\":\"x\"}")
        .hasMessage("missing required field 'sender'");
    assertThat(field("{\"type\":\"read\",\"user_id\":null,\"dialogue_id\":\"g\"}"))
        .isEqualTo("user_id");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1698000000",
        "\"2023-10-22T14:48:00\"",
        "\"2023-10-22\"",
        "\"\"",
        "\"yesterday\"",
        "[]",
        "{}",
        "true"
      })
  void timestampMustBeAnIsoInstant(String value) {
    rejects(
            "{\"type\":\"message\","
                + CHAT_FIELDS.replace("\"2023-10-22T14:48:00Z\"", value)
                + ",\"content\":\"x\"}")
        .hasMessage("field 'timestamp' must be an ISO-8601 instant");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"ONLINE\"",
        "\" online\"",
        "\"online \"",
        "\"Online\"",
        "\"busy\"",
        "\"\"",
        "0",
        "1",
        "true",
        "[\"online\"]",
        "{}"
      })
  void statusMustBeOneOfTheWireValues(String value) {
    rejects("{\"type\":\"presence\",\"user_id\":\"a\",\"status\":" + value + "}")
        .hasMessage("field 'status' must be one of online, offline, away");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\":\"error\",\"message\":42}|field 'message' must be a string",
        "{\"type\":\"error\",\"message\":4.2}|field 'message' must be a string",
        "{\"type\":\"error\",\"message\":false}|field 'message' must be a string",
        "{\"type\":\"error\",\"message\":{\"text\":\"x\"}}|field 'message' must be a string",
        "{\"type\":\"error\",\"message\":[\"x\"]}|field 'message' must be a string",
        "{\"type\":\"error\",\"message\":\"m\",\"code\":7}|field 'code' must be a string",
        "{\"type\":\"read\",\"dialogue_id\":\"g\",\"user_id\":\"a\",\"seq\":\"5\"}|field 'seq' must be an integer between -9223372036854775808 and 9223372036854775807",
        "{\"type\":\"read\",\"dialogue_id\":\"g\",\"user_id\":\"a\",\"seq\":5.0}|field 'seq' must be an integer between -9223372036854775808 and 9223372036854775807",
        "{\"type\":\"read\",\"dialogue_id\":\"g\",\"user_id\":\"a\",\"seq\":\"\"}|field 'seq' must be an integer between -9223372036854775808 and 9223372036854775807",
        "{\"type\":\"read\",\"dialogue_id\":\"g\",\"user_id\":\"a\",\"seq\":9223372036854775808}|field 'seq' must be an integer between -9223372036854775808 and 9223372036854775807",
        "{\"type\":\"profile\",\"user_id\":\"a\",\"name\":\"A\",\"kind\":\"robot\"}|field 'kind' must be one of human, agent",
        "{\"type\":\"typing\",\"user_id\":\"a\",\"status\":\"busy\"}|field 'status' must be one of typing, stopped",
      })
  void wrongJsonTypesAreRejectedNotCoerced(String json, String reason) {
    rejects(json).hasMessage(reason);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\":\"foo\"}|unknown message type 'foo'",
        "{\"type\":\"MESSAGE\"}|unknown message type 'MESSAGE'",
        "{\"type\":7}|field 'type' must be a string",
        "{\"type\":null}|missing required field 'type'",
        "{\"sender\":\"a\"}|missing required field 'type'",
        "[]|not a JSON object",
        "\"message\"|not a JSON object",
        "null|not a JSON object",
        "''|not a JSON object",
      })
  void envelopeErrors(String json, String reason) {
    rejects(json).hasMessage(reason);
  }

  @Test
  void unknownTypeIsQuotedSafely() {
    rejects("{\"type\":\"evil\\nline\"}").hasMessage("unknown message type 'evil\\u000aline'");
  }

  @Test
  void malformedJsonSaysWhere() {
    rejects("{\"type\":\"error\",\"message\":}")
        .hasMessageStartingWith("invalid JSON: ")
        .hasMessageContaining("line 1, column");
    rejects("{\"type\":\"error\",\"message\":\"x\"} trailing")
        .hasMessageStartingWith("invalid JSON: ");
    rejects("{\"type\":\"error\",\"message\":\"x\"}{}")
        .hasMessage("invalid JSON: unexpected data after the object (line 1, column 31)");
    rejects("{'type':'error'}").hasMessageStartingWith("invalid JSON: ");
  }

  @Test
  void duplicateFieldsAreRejected() {
    rejects("{\"type\":\"error\",\"message\":\"a\",\"message\":\"b\"}")
        .hasMessageContaining("Duplicate field 'message'");
  }

  @Test
  void invalidUtf8IsRejected() {
    byte[] prefix = "{\"type\":\"error\",\"message\":\"".getBytes(UTF_8);
    byte[][] bad = {
      {(byte) 0xff}, // never valid
      {(byte) 0xc0, (byte) 0x80}, // overlong NUL
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // an encoded surrogate
      {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
      {(byte) 0xe2, (byte) 0x82}, // truncated sequence
    };
    for (byte[] b : bad) {
      byte[] json = new byte[prefix.length + b.length + 2];
      System.arraycopy(prefix, 0, json, 0, prefix.length);
      System.arraycopy(b, 0, json, prefix.length, b.length);
      json[json.length - 2] = '"';
      json[json.length - 1] = '}';
      assertThatThrownBy(() -> ProtocolCodec.decode(json))
          .isInstanceOf(ProtocolException.class)
          .hasMessage("invalid UTF-8 at byte " + prefix.length);
    }
  }

  @Test
  void escapedLoneSurrogateIsRejected() {
    rejects("{\"type\":\"error\",\"message\":\"a\\ud800\"}")
        .hasMessage("field 'message' must be valid Unicode: unpaired surrogate at index 1");
    assertThat(decode("{\"type\":\"error\",\"message\":\"\\ud83d\\ude00\"}"))
        .isEqualTo(new ErrorMessage("😀"));
  }

  @Test
  void nestingUpToTheLimitIsFineBeyondItIsRejected() {
    assertThat(decode(errorWithUnknownDepth(JsonMappers.MAX_NESTING_DEPTH - 1)))
        .isEqualTo(new ErrorMessage("m"));
    rejects(errorWithUnknownDepth(JsonMappers.MAX_NESTING_DEPTH))
        .hasMessage(
            "message exceeds a limit: Document nesting depth (33) exceeds the maximum allowed"
                + " (32)");
  }

  @Test
  void sizeLimitIsInBytes() {
    String frame = "{\"type\":\"error\",\"message\":\"\"}";
    int room = ProtocolCodec.MAX_MESSAGE_BYTES - frame.length();
    assertThat(decode(errorOfLength(room))).isEqualTo(new ErrorMessage("x".repeat(room)));
    rejects(errorOfLength(room + 1))
        .hasMessage("message too large: 1048577 bytes, the limit is 1048576");
    // 'é' is two bytes in UTF-8: half as many characters already exceed the limit.
    rejects("{\"type\":\"error\",\"message\":\"" + "é".repeat(room / 2 + 1) + "\"}")
        .hasMessageStartingWith("message too large");
  }

  private static String errorWithUnknownDepth(int depth) {
    return "{\"type\":\"error\",\"message\":\"m\",\"x\":"
        + "[".repeat(depth)
        + "]".repeat(depth)
        + "}";
  }

  private static String errorOfLength(int chars) {
    return "{\"type\":\"error\",\"message\":\"" + "x".repeat(chars) + "\"}";
  }

  private static GaimaceMessage decode(String json) {
    return ProtocolCodec.decode(json.getBytes(UTF_8));
  }

  private static String field(String json) {
    try {
      decode(json);
    } catch (ProtocolException e) {
      return e.field();
    }
    throw new AssertionError("accepted " + json);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> rejects(String json) {
    String input = json.equals("''") ? "" : json;
    return assertThatThrownBy(() -> decode(input)).isInstanceOf(ProtocolException.class);
  }
}
