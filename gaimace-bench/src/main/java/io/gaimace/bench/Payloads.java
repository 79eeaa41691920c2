package io.gaimace.bench;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.ProtocolCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Message bodies that carry their index: {@code "<index> xxxx…"}. Gaimace messages carry it in
 * their content; raw messages are padded to the size Gaimace stores for the same content, so both
 * sides move the same number of bytes.
 */
final class Payloads {
  private Payloads() {}

  /** Content of {@code bytes} ASCII bytes starting with the index. */
  static String content(long index, int bytes) {
    String head = index + " ";
    if (head.length() >= bytes) {
      return head.trim();
    }
    char[] pad = new char[bytes - head.length()];
    Arrays.fill(pad, 'x');
    return head + new String(pad);
  }

  /** A raw body of exactly {@code size} bytes starting with the index. */
  static byte[] raw(long index, int size) {
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) 'x');
    byte[] head = (index + " ").getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, body, 0, Math.min(head.length, size));
    return body;
  }

  /** The index at the start of a content or body. */
  static long index(CharSequence s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  static long index(byte[] body) {
    long n = 0;
    for (byte b : body) {
      if (b < '0' || b > '9') {
        break;
      }
      n = n * 10 + (b - '0');
    }
    return n;
  }

  /** How many bytes Gaimace stores (and delivers) for a room message of this content size. */
  static int storedSize(String sender, String roomId, int contentBytes) {
    ChatMessage m =
        new ChatMessage(
            sender,
            roomId,
            null,
            Instant.now(),
            content(1_000_000, contentBytes),
            UUID.randomUUID().toString(),
            null,
            UUID.randomUUID().toString());
    return ProtocolCodec.encode(m).length;
  }
}
