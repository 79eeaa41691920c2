package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.jline.utils.AttributedString;

/** A {@link ChatView} that keeps what it is shown, for tests without a terminal. */
final class RecordingView implements ChatView {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private volatile String status = "";
  private volatile String prompt = "";

  @Override
  public void print(AttributedString line) {
    lines.addAll(List.of(line.toString().split("\n", -1)));
  }

  @Override
  public void status(AttributedString line) {
    status = line.toString();
  }

  @Override
  public void prompt(AttributedString text) {
    prompt = text.toString();
  }

  String transcript() {
    return String.join("\n", lines) + "\n";
  }

  String status() {
    return status;
  }

  String prompt() {
    return prompt;
  }

  /** Waits until the transcript satisfies the assertions; a failure shows the transcript. */
  void await(Duration atMost, String... expected) {
    Awaitility.await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(20))
        .untilAsserted(() -> assertThat(transcript()).contains(expected));
  }

  /** Forgets what was shown so far, so the next waits see only new lines. */
  void clear() {
    lines.clear();
  }
}
