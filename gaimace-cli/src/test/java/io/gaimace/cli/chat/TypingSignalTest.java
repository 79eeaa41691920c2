package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.cli.chat.TypingSignal.Action;
import org.junit.jupiter.api.Test;

class TypingSignalTest {
  @Test
  void everyEditOfAMessageSaysTypingAndSendingStopsIt() {
    TypingSignal signal = new TypingSignal();
    assertThat(signal.edited("h")).isEqualTo(Action.TYPING);
    assertThat(signal.edited("he")).isEqualTo(Action.TYPING);
    assertThat(signal.finished()).isEqualTo(Action.STOPPED);
    assertThat(signal.finished()).isEqualTo(Action.NONE);
  }

  @Test
  void clearingTheLineStopsOnce() {
    TypingSignal signal = new TypingSignal();
    signal.edited("oops");
    assertThat(signal.edited("")).isEqualTo(Action.STOPPED);
    assertThat(signal.edited("  ")).isEqualTo(Action.NONE);
  }

  @Test
  void commandsAreNotTyping() {
    TypingSignal signal = new TypingSignal();
    assertThat(signal.edited("/")).isEqualTo(Action.NONE);
    assertThat(signal.edited("/who")).isEqualTo(Action.NONE);
    assertThat(signal.finished()).isEqualTo(Action.NONE);
    assertThat(signal.edited("//not a command")).isEqualTo(Action.TYPING);
  }

  @Test
  void turningAMessageIntoACommandStops() {
    TypingSignal signal = new TypingSignal();
    signal.edited("w");
    assertThat(signal.edited("/w")).isEqualTo(Action.STOPPED);
  }
}
