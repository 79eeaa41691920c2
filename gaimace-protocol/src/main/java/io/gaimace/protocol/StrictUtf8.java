package io.gaimace.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses anything malformed.
 *
 * <p>Jackson's byte parser tolerates some invalid sequences (overlong forms, encoded surrogates);
 * the JDK decoder does not. Two components disagreeing on what a message says is how filters get
 * bypassed, so every byte is checked before parsing.
 */
final class StrictUtf8 {
  private StrictUtf8() {}

  static String decode(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never yields more chars than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new ProtocolException("invalid UTF-8 at byte " + in.position());
    }
    return out.flip().toString();
  }
}
