package io.gaimace.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a record holds, encoding then decoding gives it back. */
class RoundTripPropertyTest {

  @Property(tries = 2000)
  void decodeInvertsEncode(@ForAll("messages") GaimaceMessage message) {
    assertThat(ProtocolCodec.decode(ProtocolCodec.encode(message))).isEqualTo(message);
  }

  @Property
  void stringAndByteEncodingsAgree(@ForAll("messages") GaimaceMessage message) {
    assertThat(ProtocolCodec.encodeToString(message).getBytes(UTF_8))
        .isEqualTo(ProtocolCodec.encode(message));
  }

  @Property
  void decodingAsItsOwnRecordWorks(@ForAll("messages") GaimaceMessage message) {
    assertThat(ProtocolCodec.decode(ProtocolCodec.encode(message), message.getClass()))
        .isEqualTo(message);
  }

  @Property
  void outputIsStrictUtf8AndStartsWithTheType(@ForAll("messages") GaimaceMessage message)
      throws CharacterCodingException {
    byte[] json = ProtocolCodec.encode(message);
    String text = UTF_8.newDecoder().decode(ByteBuffer.wrap(json)).toString();
    assertThat(text).startsWith("{\"type\":\"" + message.type() + "\"");
  }

  @Property
  void unicodeContentSurvivesUnchanged(@ForAll("text") String content) {
    var message = new ErrorMessage(content);
    var decoded = (ErrorMessage) ProtocolCodec.decode(ProtocolCodec.encode(message));
    assertThat(decoded.message()).isEqualTo(content);
    assertThat(decoded.message().codePoints().toArray()).isEqualTo(content.codePoints().toArray());
  }

  @Property
  void nullOptionalFieldsAreOmitted(@ForAll("messages") GaimaceMessage message) throws IOException {
    JsonNode tree = new ObjectMapper().readTree(ProtocolCodec.encode(message));
    tree.properties().forEach(field -> assertThat(field.getValue().isNull()).isFalse());
  }

  @Provide
  Arbitrary<GaimaceMessage> messages() {
    return Gen.messages();
  }

  @Provide
  Arbitrary<String> text() {
    return Gen.text();
  }
}
