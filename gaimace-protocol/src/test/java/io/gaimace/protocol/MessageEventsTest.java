package io.gaimace.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gaimace.protocol.api.HistoryPage;
import io.gaimace.protocol.api.HistoryRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edit, delete and reaction entries on the wire, and history pages that carry them. */
class MessageEventsTest {
  static final Instant AT = Instant.parse("2025-06-02T21:05:00Z");

  @Test
  void eachTypeHasTheDocumentedShape() {
    assertThat(
            ProtocolCodec.encodeToString(
                new MessageEdit("general", "m1", "alice", "fixed", AT, null)))
        .isEqualTo(
            "{\"type\":\"edit\",\"dialogue_id\":\"general\",\"message_id\":\"m1\","
                + "\"sender\":\"alice\",\"content\":\"fixed\",\"timestamp\":\"2025-06-02T21:05:00Z\"}");
    assertThat(ProtocolCodec.encodeToString(new MessageDelete("general", "m1", "bob", AT, 12L)))
        .isEqualTo(
            "{\"type\":\"delete\",\"dialogue_id\":\"general\",\"message_id\":\"m1\","
                + "\"sender\":\"bob\",\"timestamp\":\"2025-06-02T21:05:00Z\",\"seq\":12}");
    String reaction =
        ProtocolCodec.encodeToString(
            new MessageReaction("general", "m1", "cy", "👍🏽", "add", AT, null));
    assertThat(reaction)
        .isEqualTo(
            "{\"type\":\"reaction\",\"dialogue_id\":\"general\",\"message_id\":\"m1\","
                + "\"sender\":\"cy\",\"emoji\":\"👍🏽\",\"action\":\"add\","
                + "\"timestamp\":\"2025-06-02T21:05:00Z\"}");
  }

  @Test
  void theyRoundTripAndAreStrict() {
    for (GaimaceMessage m :
        List.of(
            new MessageEdit("a+b", "m1", "a", "x", AT, 3L),
            new MessageDelete("a+b", "m1", "a", AT, null),
            new MessageReaction("a+b", "m1", "b", "🇺🇦", "remove", AT, 4L))) {
      assertThat(ProtocolCodec.decode(ProtocolCodec.encode(m))).isEqualTo(m);
    }
    assertThatThrownBy(
            () ->
                ProtocolCodec.decode(
                    ("{\"type\":\"reaction\",\"dialogue_id\":\"g\",\"message_id\":\"m\","
                            + "\"sender\":\"c\",\"emoji\":\"x\",\"action\":\"toggle\","
                            + "\"timestamp\":\"2025-06-02T21:05:00Z\"}")
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("action");
    assertThatThrownBy(
            () ->
                ProtocolCodec.decode(
                    "{\"type\":\"edit\",\"dialogue_id\":\"g\",\"sender\":\"c\",\"content\":\"x\",\"timestamp\":\"2025-06-02T21:05:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("missing required field 'message_id'");
  }

  @Test
  void historyPagesCarryEventsAndRequestsAThread() throws Exception {
    HistoryPage page =
        new HistoryPage(
            "general",
            List.of(new ChatMessage("a", "general", null, AT, "hi", "m1", 1L, null)),
            false,
            List.of(
                new MessageEdit("general", "m1", "a", "hey", AT, 2L),
                new MessageReaction("general", "m1", "b", "🎉", "add", AT, 3L)));
    byte[] json = ProtocolCodec.mapper().writeValueAsBytes(page);
    assertThat(ProtocolCodec.mapper().readValue(json, HistoryPage.class)).isEqualTo(page);
    String old = "{\"dialogue_id\":\"general\",\"messages\":[],\"more\":false}";
    assertThat(ProtocolCodec.mapper().readValue(old, HistoryPage.class).events()).isNull();
    assertThat(
            ProtocolCodec.mapper()
                .writeValueAsString(new HistoryRequest("general", null, 4L, 10, "m1")))
        .isEqualTo("{\"dialogue_id\":\"general\",\"after\":4,\"limit\":10,\"thread\":\"m1\"}");
  }
}
