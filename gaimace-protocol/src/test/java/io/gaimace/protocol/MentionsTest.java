package io.gaimace.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionsTest {
  @Test
  void findsMentionsAtTheStartAfterSpacesAndPunctuation() {
    assertThat(Mentions.userIds("@bob hi (@cid), @ann: and \"@dee\""))
        .containsExactly("ann", "bob", "cid", "dee");
  }

  @Test
  void idsEndAtTheFirstCharacterOutsideTheIdAlphabet() {
    assertThat(Mentions.userIds("thanks @bob. and @sage-bot! and @x_1?"))
        .containsExactly("bob", "sage-bot", "x_1");
  }

  @Test
  void eMailAddressesAndUpperCaseAreNotMentions() {
    assertThat(Mentions.userIds("write to bob@example.com or a@b")).isEmpty();
    assertThat(Mentions.userIds("@Bob @bob@host @-x @ nobody")).isEmpty();
    assertThat(Mentions.userIds("@bobé")).isEmpty();
  }

  @Test
  void repeatsAreReportedOnceSortedAndSpansCoverTheToken() {
    assertThat(Mentions.userIds("@zed @amy @zed")).containsExactly("amy", "zed");
    assertThat(Mentions.spans("hi @amy")).containsExactly(new Mentions.Span(3, 7, "amy"));
  }

  @Test
  void textWithoutSpacesAndEmojiAroundMentions() {
    assertThat(Mentions.userIds("你好@bob请看")).containsExactly("bob");
    assertThat(Mentions.userIds("👋@amy，@zed：")).containsExactly("amy", "zed");
    assertThat(Mentions.userIds("café@bob naïve@amy")).isEmpty();
    assertThat(Mentions.userIds("**@bob** and x.com/@amy")).containsExactly("bob");
  }

  @Test
  void tooLongIdsAreNotMentions() {
    assertThat(Mentions.userIds("@" + "a".repeat(65))).isEmpty();
    assertThat(Mentions.userIds("@" + "a".repeat(64))).hasSize(1);
  }
}
