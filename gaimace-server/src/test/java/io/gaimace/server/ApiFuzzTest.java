package io.gaimace.server;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.api.ApiSubjects;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input to every API operation: garbage bytes, invalid UTF-8, deep nesting, huge strings,
 * wrong types and ids with subject wildcards. Every request gets a reply; bad ones get the
 * protocol's error with a code; the server stays up and what it stored stays as it was.
 */
class ApiFuzzTest {
  static GaimaceFixture env;
  static Connection user;
  static List<String> operations = new ArrayList<>();
  static long storedBefore;

  @BeforeContainer
  static void start() throws Exception {
    env = GaimaceFixture.start();
    user = env.connectAs("fuzzer", env.user("fuzzer"));
    ok(call(user, ApiSubjects.ROOM_CREATE, Map.of("room_id", "fuzz")));
    user.forceReconnect();
    storedBefore =
        ok(call(user, ApiSubjects.SEND, Map.of("dialogue_id", "fuzz", "content", "keep me")))
            .get("seq")
            .asLong();
    for (var f : ApiSubjects.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && !f.getName().equals("PREFIX")) {
        operations.add((String) f.get(null));
      }
    }
  }

  @AfterContainer
  static void stop() throws Exception {
    // Nothing stored was lost and the server still answers.
    JsonNode page = ok(call(user, ApiSubjects.HISTORY, Map.of("dialogue_id", "fuzz")));
    assertThat(page.get("messages").get(0).get("content").asText()).isEqualTo("keep me");
    assertThat(page.get("messages").get(0).get("seq").asLong()).isEqualTo(storedBefore);
    env.close();
  }

  @Property(tries = 300)
  void everyRequestIsAnsweredAndBadOnesWithACodedError(
      @ForAll("operations") String op, @ForAll("hostile") byte[] body) throws Exception {
    Message reply = user.request(ApiSubjects.of(op), body, Duration.ofSeconds(5));
    assertThat(reply).as("reply to %s", op).isNotNull();
    JsonNode json = ProtocolCodec.mapper().readTree(reply.getData());
    assertThat(json.isObject()).isTrue();
    if ("error".equals(json.path("type").asText())) {
      assertThat(json.get("code").asText()).isNotEqualTo("internal").isNotBlank();
      assertThat(json.get("message").asText()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<String> operations() {
    return Arbitraries.of(operations);
  }

  @Provide
  Arbitrary<byte[]> hostile() {
    Arbitrary<String> ids =
        Arbitraries.oneOf(
            Arbitraries.of(
                "fuzz",
                "a.b",
                "*",
                ">",
                "fuzz.>",
                " ",
                "",
                "UPPER",
                "x y",
                "fuzzer+admin",
                "admin"),
            Arbitraries.strings().ofMaxLength(80));
    Arbitrary<Object> values =
        Arbitraries.oneOf(
            ids.map(s -> (Object) s),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just((Object) List.of(1, "two")),
            Arbitraries.just((Object) Map.of("nested", Map.of("deeper", 1))),
            Arbitraries.strings().ofLength(70_000).map(s -> (Object) s));
    Arbitrary<String> fields =
        Arbitraries.of(
            "dialogue_id",
            "recipient",
            "content",
            "client_id",
            "room_id",
            "user_id",
            "seq",
            "before",
            "after",
            "limit",
            "members",
            "visibility",
            "name",
            "query",
            "kind",
            "token_id",
            "ttl_seconds",
            "user_ids",
            "avatar");
    Arbitrary<byte[]> objects =
        Combinators.combine(fields.list().ofMaxSize(5), values.list().ofMaxSize(5))
            .as(
                (ks, vs) -> {
                  Map<String, Object> m = new java.util.HashMap<>();
                  for (int i = 0; i < Math.min(ks.size(), vs.size()); i++) {
                    m.put(ks.get(i), vs.get(i));
                  }
                  try {
                    return ProtocolCodec.mapper().writeValueAsBytes(m);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    Arbitrary<byte[]> garbage = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    Arbitrary<byte[]> deep =
        Arbitraries.integers()
            .between(50, 5000)
            .map(n -> ("[".repeat(n) + "]".repeat(n)).getBytes());
    Arbitrary<byte[]> badUtf8 =
        Arbitraries.just(
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
    return Arbitraries.oneOf(objects, garbage, deep, badUtf8);
  }
}
