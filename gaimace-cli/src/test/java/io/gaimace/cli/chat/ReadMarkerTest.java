package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throttle of read marks, with a hand-moved clock and hand-run timers. */
class ReadMarkerTest {
  long now = 10_000;
  final List<String> sent = new ArrayList<>();
  final List<Long> delays = new ArrayList<>();
  final List<Runnable> timers = new ArrayList<>();
  final ReadMarker marker =
      new ReadMarker(
          (millis, task) -> {
            delays.add(millis);
            timers.add(task);
          },
          () -> now,
          (dialogue, seq) -> sent.add(dialogue + "@" + seq));

  @Test
  void theFirstMessageIsMarkedAtOnce() {
    marker.seen("lobby", 5);
    assertThat(sent).containsExactly("lobby@5");
    assertThat(timers).isEmpty();
  }

  @Test
  void aBurstCostsOneMoreMarkForItsNewestMessageASecondLater() {
    marker.seen("lobby", 5);
    now += 100;
    marker.seen("lobby", 6);
    marker.seen("lobby", 8);
    marker.seen("lobby", 7);
    assertThat(sent).containsExactly("lobby@5");
    assertThat(delays).containsExactly(900L);

    now += 900;
    timers.remove(0).run();
    assertThat(sent).containsExactly("lobby@5", "lobby@8");
  }

  @Test
  void dialoguesAreThrottledApart() {
    marker.seen("lobby", 5);
    marker.seen("alice+bob", 6);
    assertThat(sent).containsExactly("lobby@5", "alice+bob@6");
  }

  @Test
  void nothingOlderThanWhatWasMarkedIsSentAgain() {
    marker.seen("lobby", 5);
    now += 2000;
    marker.seen("lobby", 4);
    assertThat(sent).containsExactly("lobby@5");
    now += 2000;
    marker.seen("lobby", 9);
    assertThat(sent).containsExactly("lobby@5", "lobby@9");
  }
}
