package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.sdk.ConnectionState;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusLineTest {
  final Theme theme = Theme.colour();

  @Test
  void showsStateDialoguePresenceAndTypists() {
    StatusLine line =
        new StatusLine(ConnectionState.CONNECTED, "#lobby", "3 online", List.of("bob"));
    assertThat(line.render(theme).toString())
        .isEqualTo("● connected │ #lobby │ 3 online │ bob is typing…");
    assertThat(line.render(theme).styleAt(0)).isEqualTo(theme.good());
  }

  @Test
  void reconnectingIsSaidInYellow() {
    StatusLine line = new StatusLine(ConnectionState.RECONNECTING, null, null, List.of());
    assertThat(line.render(theme).toString()).isEqualTo("◌ reconnecting…");
    assertThat(line.render(theme).styleAt(0)).isEqualTo(theme.warning());
    assertThat(
            new StatusLine(ConnectionState.CLOSED, "@bob", "bob offline", List.of())
                .render(theme)
                .toString())
        .isEqualTo("✕ disconnected │ @bob │ bob offline");
  }

  @Test
  void typistsAreCountedWhenThereAreMany() {
    assertThat(StatusLine.typingText(List.of())).isEmpty();
    assertThat(StatusLine.typingText(List.of("bob"))).isEqualTo("bob is typing…");
    assertThat(StatusLine.typingText(List.of("bob", "cy"))).isEqualTo("bob and cy are typing…");
    assertThat(StatusLine.typingText(List.of("bob", "cy", "di"))).isEqualTo("3 people are typing…");
  }
}
