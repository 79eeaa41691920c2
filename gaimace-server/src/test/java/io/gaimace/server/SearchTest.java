package io.gaimace.server;

import static io.gaimace.server.GaimaceFixture.call;
import static io.gaimace.server.GaimaceFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.server.config.Limits;
import io.gaimace.server.config.SearchLimits;
import io.nats.client.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code search}: only the caller's dialogues, case-insensitive, newest first, paged, capped. */
class SearchTest {
  static final int PER_DIALOGUE = 10;
  static GaimaceFixture env;
  static Connection sam;
  static Connection tia;
  static Connection uma;

  @BeforeAll
  static void start() throws Exception {
    env =
        GaimaceFixture.start(
            b ->
                b.limits(new Limits(1024, 100, 500, 1000, 1000))
                    .search(new SearchLimits(PER_DIALOGUE, 1000)));
    sam = env.connectAs("sam", env.user("sam"));
    tia = env.connectAs("tia", env.user("tia"));
    uma = env.connectAs("uma", env.user("uma"));
    ok(call(sam, ApiSubjects.ROOM_CREATE, Map.of("room_id", "alpha", "members", List.of("tia"))));
    ok(call(tia, ApiSubjects.ROOM_CREATE, Map.of("room_id", "beta", "members", List.of("uma"))));
    send(tia, "alpha", "find the NEEDLE here");
    send(uma, "beta", "a needle in beta");
    dm(tia, "uma", "needle secret between tia and uma");
    dm(tia, "sam", "a Needle for sam");
    send(sam, "alpha", "nothing to see");
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  private static JsonNode send(Connection c, String dialogue, String text) throws Exception {
    return ok(call(c, ApiSubjects.SEND, Map.of("dialogue_id", dialogue, "content", text)));
  }

  private static void dm(Connection c, String to, String text) throws Exception {
    ok(call(c, ApiSubjects.SEND, Map.of("recipient", to, "content", text)));
  }

  private static JsonNode search(Connection c, Object... keyValues) throws Exception {
    Map<String, Object> body = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      body.put((String) keyValues[i], keyValues[i + 1]);
    }
    return call(c, ApiSubjects.SEARCH, body);
  }

  private static List<String> contents(JsonNode results) {
    List<String> out = new ArrayList<>();
    ok(results).get("messages").forEach(m -> out.add(m.get("content").asText()));
    return out;
  }

  @Test
  void findsOnlyInTheCallersDialoguesIgnoringCase() throws Exception {
    assertThat(contents(search(sam, "query", "nEeDlE")))
        .containsExactly("a Needle for sam", "find the NEEDLE here");
    assertThat(contents(search(uma, "query", "needle")))
        .containsExactly("needle secret between tia and uma", "a needle in beta");
    assertThat(contents(search(tia, "query", "needle"))).hasSize(4);
    JsonNode none = ok(search(sam, "query", "secret"));
    assertThat(none.get("messages")).isEmpty();
    assertThat(none.get("more").asBoolean()).isFalse();
  }

  @Test
  void oneDialogueOnlyAndOnlyIfTheCallerBelongsToIt() throws Exception {
    assertThat(contents(search(tia, "query", "needle", "dialogue_id", "alpha")))
        .containsExactly("find the NEEDLE here");
    assertThat(search(sam, "query", "needle", "dialogue_id", "beta").get("code").asText())
        .isEqualTo("not_member");
    assertThat(search(sam, "query", "needle", "dialogue_id", "tia+uma").get("code").asText())
        .isEqualTo("not_member");
  }

  @Test
  void resultsAreNewestFirstLimitedAndPaged() throws Exception {
    ok(call(sam, ApiSubjects.ROOM_CREATE, Map.of("room_id", "pages")));
    for (int i = 1; i <= 5; i++) {
      send(sam, "pages", "haystack " + i);
    }
    JsonNode first = ok(search(sam, "query", "HAYSTACK", "limit", 2));
    assertThat(contents(first)).containsExactly("haystack 5", "haystack 4");
    assertThat(first.get("more").asBoolean()).isTrue();
    long before = first.get("messages").get(1).get("seq").asLong();
    JsonNode second = ok(search(sam, "query", "haystack", "limit", 2, "before", before));
    assertThat(contents(second)).containsExactly("haystack 3", "haystack 2");
    long last = second.get("messages").get(1).get("seq").asLong();
    JsonNode third = ok(search(sam, "query", "haystack", "limit", 2, "before", last));
    assertThat(contents(third)).containsExactly("haystack 1");
    assertThat(third.get("more").asBoolean()).isFalse();
  }

  @Test
  void eachDialogueIsScannedOnlyUpToTheConfiguredCap() throws Exception {
    ok(call(sam, ApiSubjects.ROOM_CREATE, Map.of("room_id", "deep")));
    send(sam, "deep", "an old treasure");
    for (int i = 0; i < PER_DIALOGUE; i++) {
      send(sam, "deep", "filler " + i);
    }
    JsonNode capped = ok(search(sam, "query", "treasure", "dialogue_id", "deep"));
    assertThat(capped.get("messages")).isEmpty();
    assertThat(capped.get("scanned").asLong()).isEqualTo(PER_DIALOGUE);
    assertThat(capped.get("truncated").asBoolean()).isTrue();
    assertThat(contents(search(sam, "query", "filler 0", "dialogue_id", "deep")))
        .containsExactly("filler 0");
  }

  @Test
  void theWindowOfALongDialogueStartsFromTheHistoryIndex() throws Exception {
    ok(call(tia, ApiSubjects.ROOM_CREATE, Map.of("room_id", "long")));
    for (int i = 1; i <= 150; i++) {
      send(tia, "long", "item " + i + ".");
    }
    JsonNode newest = ok(search(tia, "query", "item 141.", "dialogue_id", "long"));
    assertThat(contents(newest)).containsExactly("item 141.");
    assertThat(newest.get("scanned").asLong()).isEqualTo(PER_DIALOGUE);
    assertThat(ok(search(tia, "query", "item 140.", "dialogue_id", "long")).get("messages"))
        .isEmpty();
    JsonNode all = ok(search(tia, "query", "item", "dialogue_id", "long", "limit", 4));
    assertThat(contents(all)).containsExactly("item 150.", "item 149.", "item 148.", "item 147.");
  }

  @Test
  void badQueriesAreRefused() throws Exception {
    assertThat(search(sam).get("code").asText()).isEqualTo("invalid_request");
    assertThat(search(sam, "query", "  ").get("code").asText()).isEqualTo("invalid_request");
    assertThat(search(sam, "query", "x".repeat(201)).get("code").asText())
        .isEqualTo("invalid_request");
    assertThat(search(sam, "query", "x", "limit", 0).get("code").asText())
        .isEqualTo("invalid_request");
  }
}
