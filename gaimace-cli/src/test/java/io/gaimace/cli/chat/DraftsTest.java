package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.StreamEvent;
import org.junit.jupiter.api.Test;

/** Agents' answers as they grow, on the status line. */
class DraftsTest {
  private static StreamEvent event(String id, long seq, String delta, String text, String state) {
    return new StreamEvent(
        StreamEvent.TYPE, id, "lobby", "sage", seq, delta, text, state, null, null, null, null);
  }

  @Test
  void aDraftGrowsThenGoes() {
    Drafts d = new Drafts();
    assertThat(d.line(n -> n)).isNull();
    d.apply(event("s1", 0, null, "", "open"));
    assertThat(d.line(n -> n)).isEqualTo("sage ✎ …");
    d.apply(event("s1", 1, "Water", null, "open"));
    d.apply(event("s1", 2, " at dawn", null, "open"));
    assertThat(d.line(String::toUpperCase)).isEqualTo("SAGE ✎ Water at dawn");
    assertThat(d.writing("sage")).isTrue();
    assertThat(d.newest()).isEqualTo("s1");
    d.apply(event("s1", 2, null, "Water at dawn", "done"));
    assertThat(d.line(n -> n)).isNull();
    assertThat(d.writing("sage")).isFalse();
  }

  @Test
  void aLongDraftShowsItsEndAndACatchUpReplacesTheText() {
    Drafts d = new Drafts();
    d.apply(event("s1", 3, null, "x".repeat(100) + " the end", "open"));
    d.apply(event("s2", 0, null, "", "open"));
    d.apply(event("s1", 4, "!", null, "open"));
    assertThat(d.newest()).isEqualTo("s2");
    d.apply(event("s2", 0, null, null, "cancelled"));
    String line = d.line(n -> n);
    assertThat(line).startsWith("sage ✎ …").endsWith(" the end!");
    assertThat(line.length()).isLessThan(Drafts.TAIL + 12);
  }
}
