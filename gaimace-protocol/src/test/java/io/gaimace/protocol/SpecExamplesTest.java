package io.gaimace.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seven examples of gaimace-protocol.md, verbatim except that placeholders such as {@code
 * <sender_id>} are real ids.
 */
class SpecExamplesTest {
  static final String CHAT =
      "{\"type\":\"message\",\"sender\":\"alice\",\"dialogue_id\":\"alice+bob\",\"recipient\":\"bob\",\"timestamp\":\"2023-10-22T14:48:00Z\",\"content\":\"Hello!\"}";
  static final String PRESENCE =
      "{\"type\":\"presence\",\"user_id\":\"alice\",\"status\":\"online\"}";
  static final String TYPING = "{\"type\":\"typing\",\"user_id\":\"alice\",\"status\":\"typing\"}";
  static final String TYPING_GROUP =
      "{\"type\":\"typing\",\"user_id\":\"alice\",\"status\":\"typing\",\"dialogue_id\":\"general\"}";
  static final String ERROR = "{\"type\":\"error\",\"message\":\"Invalid request\"}";
  static final String READ =
      "{\"type\":\"read\",\"dialogue_id\":\"general\",\"user_id\":\"alice\"}";
  static final String PROFILE =
      "{\"type\":\"profile\",\"user_id\":\"alice\",\"name\":\"John Doe\",\"avatar\":\"https://example.com/avatar.jpg\"}";

  @Test
  void chatMessage() {
    assertThat(decode(CHAT))
        .isEqualTo(
            new ChatMessage(
                "alice", "alice+bob", "bob", Instant.parse("2023-10-22T14:48:00Z"), "Hello!"));
  }

  @Test
  void presence() {
    assertThat(decode(PRESENCE)).isEqualTo(new Presence("alice", PresenceStatus.ONLINE));
  }

  @Test
  void typing() {
    assertThat(decode(TYPING)).isEqualTo(new Typing("alice", TypingStatus.TYPING));
  }

  @Test
  void typingInGroup() {
    assertThat(decode(TYPING_GROUP)).isEqualTo(new Typing("alice", TypingStatus.TYPING, "general"));
  }

  @Test
  void error() {
    assertThat(decode(ERROR)).isEqualTo(new ErrorMessage("Invalid request"));
  }

  @Test
  void readReceipt() {
    assertThat(decode(READ)).isEqualTo(new ReadReceipt("general", "alice"));
  }

  @Test
  void profile() {
    assertThat(decode(PROFILE))
        .isEqualTo(new Profile("alice", "John Doe", "https://example.com/avatar.jpg"));
  }

  /** Field order and omitted nulls make our output identical to the specification's text. */
  @ParameterizedTest
  @ValueSource(strings = {CHAT, PRESENCE, TYPING, TYPING_GROUP, ERROR, READ, PROFILE})
  void encodingReproducesTheExampleExactly(String example) {
    assertThat(ProtocolCodec.encodeToString(decode(example))).isEqualTo(example);
    assertThat(ProtocolCodec.encode(decode(example))).isEqualTo(example.getBytes(UTF_8));
  }

  private static GaimaceMessage decode(String json) {
    return ProtocolCodec.decode(json.getBytes(UTF_8));
  }
}
