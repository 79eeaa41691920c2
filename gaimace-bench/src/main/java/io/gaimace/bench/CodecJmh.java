package io.gaimace.bench;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.ProtocolCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH micro-benchmark of the per-message JSON work Gaimace adds: the server encodes every message
 * it stores ({@code ProtocolCodec.encode}) and every SDK decodes every message it receives ({@code
 * ProtocolCodec.decode}, strict). The raw baseline carries the same content as bare UTF-8 bytes.
 * Run by {@link CodecBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecJmh {
  private ChatMessage message;
  private byte[] json;
  private String content;
  private byte[] contentBytes;

  @Setup
  public void setUp() {
    content = Payloads.content(123_456, 100);
    contentBytes = content.getBytes(StandardCharsets.UTF_8);
    message =
        new ChatMessage(
            "alice",
            "general",
            null,
            Instant.parse("2026-01-01T12:00:00.123Z"),
            content,
            UUID.randomUUID().toString(),
            null,
            UUID.randomUUID().toString());
    json = ProtocolCodec.encode(message);
  }

  @Benchmark
  public byte[] gaimaceEncode() {
    return ProtocolCodec.encode(message);
  }

  @Benchmark
  public ChatMessage gaimaceDecode() {
    return ProtocolCodec.decode(json, ChatMessage.class);
  }

  @Benchmark
  public byte[] rawEncode() {
    return content.getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public String rawDecode() {
    return new String(contentBytes, StandardCharsets.UTF_8);
  }
}
