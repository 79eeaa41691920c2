package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.cli.chat.ChatInput.Delete;
import io.gaimace.cli.chat.ChatInput.Edit;
import io.gaimace.cli.chat.ChatInput.Invalid;
import io.gaimace.cli.chat.ChatInput.React;
import io.gaimace.cli.chat.ChatInput.Reply;
import io.gaimace.cli.chat.ChatInput.ShowThread;
import org.junit.jupiter.api.Test;

class MessageCommandParserTest {
  @Test
  void aReferenceNamesAShownMessageAndDefaultsToTheNewest() {
    assertThat(CommandParser.parse("/reply ^2 sounds good")).isEqualTo(new Reply(2, "sounds good"));
    assertThat(CommandParser.parse("/reply sounds  good")).isEqualTo(new Reply(1, "sounds  good"));
    assertThat(CommandParser.parse("/re ^ yes")).isEqualTo(new Reply(1, "yes"));
    assertThat(CommandParser.parse("/reply ^_^ nice")).isEqualTo(new Reply(1, "^_^ nice"));
    assertThat(CommandParser.parse("/react ^3 👍")).isEqualTo(new React(3, "👍", true));
    assertThat(CommandParser.parse("/react :tada:")).isEqualTo(new React(1, ":tada:", true));
    assertThat(CommandParser.parse("/unreact ^1 🇫🇷")).isEqualTo(new React(1, "🇫🇷", false));
    assertThat(CommandParser.parse("/thread")).isEqualTo(new ShowThread(1));
    assertThat(CommandParser.parse("/thread ^4")).isEqualTo(new ShowThread(4));
  }

  @Test
  void editAndDeleteTakeOnesOwnLastMessageWithoutAReference() {
    assertThat(CommandParser.parse("/edit fixed typo")).isEqualTo(new Edit(null, "fixed typo"));
    assertThat(CommandParser.parse("/edit ^2 fixed")).isEqualTo(new Edit(2, "fixed"));
    assertThat(CommandParser.parse("/delete")).isEqualTo(new Delete(null));
    assertThat(CommandParser.parse("/del ^5")).isEqualTo(new Delete(5));
  }

  @Test
  void missingOrWrongArgumentsSayTheUsage() {
    assertThat(CommandParser.parse("/reply ^2")).isEqualTo(new Invalid("usage: /reply [^N] TEXT"));
    assertThat(CommandParser.parse("/edit")).isEqualTo(new Invalid("usage: /edit [^N] TEXT"));
    assertThat(CommandParser.parse("/react")).isEqualTo(new Invalid("usage: /react [^N] EMOJI"));
    assertThat(CommandParser.parse("/react ^1 two words"))
        .isEqualTo(new Invalid("usage: /react [^N] EMOJI"));
    assertThat(CommandParser.parse("/delete now")).isEqualTo(new Invalid("usage: /delete [^N]"));
    assertThat(CommandParser.parse("/thread ^0"))
        .isEqualTo(new Invalid("references start at ^1, the newest message shown"));
    assertThat(CommandParser.parse("/reply ^99999999 hi"))
        .isInstanceOfSatisfying(
            Invalid.class, i -> assertThat(i.problem()).contains("not a message shown"));
  }

  @Test
  void theHelpListsTheMessageCommandsBeforeQuit() {
    assertThat(CommandParser.commands())
        .contains("/reply", "/edit", "/delete", "/react", "/unreact", "/thread")
        .endsWith("/quit");
  }
}
