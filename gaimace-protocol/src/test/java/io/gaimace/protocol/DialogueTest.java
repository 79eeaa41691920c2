package io.gaimace.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialogueTest {

  @Test
  void roomIdIsTheRoomId() {
    assertThat(Dialogue.room("general").id()).isEqualTo("general");
    assertThat(Dialogue.parse("general")).isEqualTo(new RoomDialogue("general"));
  }

  @Test
  void directDialogueIsCanonicalWhateverTheOrder() {
    var d = new DirectDialogue("bob", "alice");
    assertThat(d.a()).isEqualTo("alice");
    assertThat(d.b()).isEqualTo("bob");
    assertThat(d.id()).isEqualTo("alice+bob");
    assertThat(d)
        .isEqualTo(DirectDialogue.between("alice", "bob"))
        .isEqualTo(Dialogue.direct("bob", "alice"));
    assertThat(Dialogue.parse("alice+bob")).isEqualTo(d);
  }

  @Test
  void directDialogueKnowsItsUsers() {
    var d = DirectDialogue.between("alice", "bob");
    assertThat(d.other("alice")).isEqualTo("bob");
    assertThat(d.other("bob")).isEqualTo("alice");
    assertThat(d.includes("bob")).isTrue();
    assertThat(d.includes("carol")).isFalse();
    assertThatThrownBy(() -> d.other("carol"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user 'carol' is not in dialogue 'alice+bob'");
  }

  @Test
  void aUserCannotHaveADialogueWithThemselves() {
    assertThatThrownBy(() -> DirectDialogue.between("alice", "alice"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a direct dialogue needs two different users, got 'alice' twice");
  }

  @Test
  void parsingRefusesTheNonCanonicalSpelling() {
    assertThatThrownBy(() -> Dialogue.parse("bob+alice"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dialogue id must name 'alice' before 'bob', in sorted order");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "+",
        "alice+",
        "+bob",
        "a+b+c",
        "alice+alice",
        "Alice+bob",
        "a.b",
        "a b",
        "*",
        ">"
      })
  void invalidDialogueIds(String id) {
    assertThatThrownBy(() -> Dialogue.parse(id)).isInstanceOf(IllegalArgumentException.class);
  }
}
