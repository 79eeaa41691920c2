package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.api.DialogueSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialoguesTest {
  final Dialogues dialogues = new Dialogues("bob");

  @Test
  void roomsAndDirectDialoguesHaveLabelsToOpenThemBy() {
    dialogues.reset(
        List.of(
            new DialogueSummary("lobby", DialogueSummary.ROOM, "Lobby", null, 9, 7, 2),
            new DialogueSummary("alice+bob", DialogueSummary.DIRECT, "alice", "alice", 4, 4, 0)));
    assertThat(dialogues.all())
        .extracting(Dialogues.Entry::label)
        .containsExactly("#lobby", "@alice");
    assertThat(dialogues.get("lobby").orElseThrow().unread).isEqualTo(2);
    assertThat(dialogues.first().orElseThrow().id).isEqualTo("lobby");
    assertThat(dialogues.label("bob+carol")).isEqualTo("@carol");
    assertThat(dialogues.peerOf("lobby")).isNull();
  }

  @Test
  void aDialogueSeenForTheFirstTimeIsAdded() {
    Dialogues.Entry dm = dialogues.ensure("bob+dora");
    assertThat(dm.isRoom()).isFalse();
    assertThat(dm.label()).isEqualTo("@dora");
    assertThat(dialogues.ensure("bob+dora")).isSameAs(dm);
    assertThat(dialogues.ensure("garden").label()).isEqualTo("#garden");
    dialogues.remove("garden");
    assertThat(dialogues.get("garden")).isEmpty();
  }
}
