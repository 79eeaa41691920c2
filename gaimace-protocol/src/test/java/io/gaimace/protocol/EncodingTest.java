package io.gaimace.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the codec writes: field names, order, omitted nulls, instants, enums. */
class EncodingTest {
  private static final Instant AT = Instant.parse("2023-10-22T14:48:00Z");

  @Test
  void chatMessageExtensionsUseSnakeCaseAfterTheSpecFields() {
    var message = new ChatMessage("alice", "general", null, AT, "hi", "m-1", 42L, "c-7");
    assertThat(ProtocolCodec.encodeToString(message))
        .isEqualTo(
            "{\"type\":\"message\",\"sender\":\"alice\",\"dialogue_id\":\"general\","
                + "\"timestamp\":\"2023-10-22T14:48:00Z\",\"content\":\"hi\","
                + "\"id\":\"m-1\",\"seq\":42,\"client_id\":\"c-7\"}");
  }

  @Test
  void everyOptionalFieldHasItsWireName() {
    assertThat(ProtocolCodec.encodeToString(new Presence("bob", PresenceStatus.AWAY, AT)))
        .isEqualTo(
            "{\"type\":\"presence\",\"user_id\":\"bob\",\"status\":\"away\","
                + "\"last_seen\":\"2023-10-22T14:48:00Z\"}");
    assertThat(ProtocolCodec.encodeToString(new ErrorMessage("No.", "not_member", "r-1")))
        .isEqualTo(
            "{\"type\":\"error\",\"message\":\"No.\",\"code\":\"not_member\","
                + "\"request_id\":\"r-1\"}");
    assertThat(ProtocolCodec.encodeToString(new ReadReceipt("general", "bob", 7L, AT)))
        .isEqualTo(
            "{\"type\":\"read\",\"dialogue_id\":\"general\",\"user_id\":\"bob\",\"seq\":7,"
                + "\"timestamp\":\"2023-10-22T14:48:00Z\"}");
    assertThat(
            ProtocolCodec.encodeToString(
                new Profile("eliza", "Eliza", null, UserKind.AGENT, "A therapist")))
        .isEqualTo(
            "{\"type\":\"profile\",\"user_id\":\"eliza\",\"name\":\"Eliza\",\"kind\":\"agent\","
                + "\"description\":\"A therapist\"}");
    assertThat(ProtocolCodec.encodeToString(new Typing("bob", TypingStatus.STOPPED)))
        .isEqualTo("{\"type\":\"typing\",\"user_id\":\"bob\",\"status\":\"stopped\"}");
  }

  @Test
  void instantsAreUtcWithFractionOnlyWhenNonZero() {
    assertThat(encodeTimestamp(Instant.parse("2023-10-22T14:48:00Z")))
        .isEqualTo("2023-10-22T14:48:00Z");
    assertThat(encodeTimestamp(Instant.parse("2023-10-22T14:48:00.120Z")))
        .isEqualTo("2023-10-22T14:48:00.120Z");
    assertThat(encodeTimestamp(Instant.ofEpochSecond(0, 1)))
        .isEqualTo("1970-01-01T00:00:00.000000001Z");
  }

  @Test
  void nonAsciiIsWrittenAsUtf8NotEscaped() {
    byte[] json = ProtocolCodec.encode(new ErrorMessage("Grüße 😀"));
    assertThat(json).isEqualTo("{\"type\":\"error\",\"message\":\"Grüße 😀\"}".getBytes(UTF_8));
    assertThat(ProtocolCodec.encodeToString(new ErrorMessage("😀"))).contains("😀");
  }

  @Test
  void enumWireValuesAreLowerCaseNames() {
    assertThat(PresenceStatus.ONLINE.wireValue()).isEqualTo("online");
    assertThat(PresenceStatus.OFFLINE.wireValue()).isEqualTo("offline");
    assertThat(PresenceStatus.AWAY.wireValue()).isEqualTo("away");
    assertThat(TypingStatus.TYPING.wireValue()).isEqualTo("typing");
    assertThat(TypingStatus.STOPPED.wireValue()).isEqualTo("stopped");
    assertThat(UserKind.HUMAN.wireValue()).isEqualTo("human");
    assertThat(UserKind.AGENT.wireValue()).isEqualTo("agent");
  }

  @Test
  void enumsParseOnlyExactWireValues() {
    assertThat(PresenceStatus.fromWire("away")).isEqualTo(PresenceStatus.AWAY);
    assertThat(TypingStatus.fromWire("stopped")).isEqualTo(TypingStatus.STOPPED);
    assertThat(UserKind.fromWire("human")).isEqualTo(UserKind.HUMAN);
    assertThatThrownBy(() -> PresenceStatus.fromWire("AWAY"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'AWAY' is not one of online, offline, away");
    assertThatThrownBy(() -> UserKind.fromWire(" agent"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void typeConstantsMatchTheSpecification() {
    assertThat(new ChatMessage("a", "b", null, AT, "c").type()).isEqualTo("message");
    assertThat(new Presence("a", PresenceStatus.ONLINE).type()).isEqualTo("presence");
    assertThat(new Typing("a", TypingStatus.TYPING).type()).isEqualTo("typing");
    assertThat(new ErrorMessage("a").type()).isEqualTo("error");
    assertThat(new ReadReceipt("a", "b").type()).isEqualTo("read");
    assertThat(new Profile("a", "b", null).type()).isEqualTo("profile");
  }

  @Test
  void everyPermittedRecordIsRegisteredUnderItsType() throws ReflectiveOperationException {
    for (Class<?> record : GaimaceMessage.class.getPermittedSubclasses()) {
      String type = (String) record.getField("TYPE").get(null);
      assertThat(MessageTypes.all()).containsEntry(type, record.asSubclass(GaimaceMessage.class));
    }
    assertThat(MessageTypes.all()).hasSize(GaimaceMessage.class.getPermittedSubclasses().length);
  }

  @Test
  void constructorsRejectMissingRequiredFieldsNamingTheWireField() {
    assertThatThrownBy(() -> new ChatMessage("a", null, null, AT, "c"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("missing required field 'dialogue_id'")
        .extracting(e -> ((ProtocolException) e).field())
        .isEqualTo("dialogue_id");
    assertThatThrownBy(() -> new Presence("a", null))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("missing required field 'status'");
    assertThatThrownBy(() -> new Profile("a", null, null))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("missing required field 'name'");
  }

  @Test
  void constructorsRejectUnpairedSurrogates() {
    assertThatThrownBy(() -> new ErrorMessage("ok \ud83d then broken"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("field 'message' must be valid Unicode: unpaired surrogate at index 3");
    assertThatThrownBy(() -> new Profile("a", "b", "\ude00"))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("field 'avatar'");
  }

  private static String encodeTimestamp(Instant at) {
    String json = ProtocolCodec.encodeToString(new ChatMessage("a", "b", null, at, "c"));
    return json.replaceAll(".*\"timestamp\":\"([^\"]*)\".*", "$1");
  }
}
