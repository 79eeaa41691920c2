package io.gaimace.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared mapper other modules use for their own JSON records. */
class MapperTest {
  private final ObjectMapper mapper = ProtocolCodec.mapper();

  /** Stands for another module's API record. */
  record Envelope(String requestId, Instant sentAt, Long maxItems, List<GaimaceMessage> items) {}

  @Test
  void sharedInstance() {
    assertThat(ProtocolCodec.mapper()).isSameAs(mapper);
  }

  @Test
  void writesSnakeCaseIsoInstantsAndOmitsNulls() throws JsonProcessingException {
    var envelope =
        new Envelope(
            "r-1",
            Instant.parse("2023-10-22T14:48:00Z"),
            null,
            List.of(new Presence("bob", PresenceStatus.ONLINE)));
    assertThat(mapper.writeValueAsString(envelope))
        .isEqualTo(
            "{\"request_id\":\"r-1\",\"sent_at\":\"2023-10-22T14:48:00Z\",\"items\":"
                + "[{\"type\":\"presence\",\"user_id\":\"bob\",\"status\":\"online\"}]}");
  }

  @Test
  void readsNestedMessagesPolymorphicallyAndIgnoresUnknownFields() throws JsonProcessingException {
    var envelope =
        mapper.readValue(
            "{\"request_id\":\"r\",\"extra\":1,\"items\":[{\"type\":\"error\",\"message\":\"m\"},"
                + "{\"type\":\"read\",\"dialogue_id\":\"g\",\"user_id\":\"a\",\"seq\":3}]}",
            Envelope.class);
    assertThat(envelope.items())
        .containsExactly(new ErrorMessage("m"), new ReadReceipt("g", "a", 3L, null));
  }

  @Test
  void nestedUnknownTypeFailsWithTheProtocolReason() {
    assertThatThrownBy(() -> mapper.readValue("{\"items\":[{\"type\":\"nope\"}]}", Envelope.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("unknown message type 'nope'")
        .hasRootCauseInstanceOf(ProtocolException.class);
  }

  @Test
  void sameStrictnessAsTheCodec() {
    assertThatThrownBy(() -> mapper.readValue("{\"max_items\":\"5\"}", Envelope.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"request_id\":5}", Envelope.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"sent_at\":1698000000}", Envelope.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> mapper.readTree("[".repeat(100) + "]".repeat(100)))
        .isInstanceOf(StreamConstraintsException.class);
  }
}
