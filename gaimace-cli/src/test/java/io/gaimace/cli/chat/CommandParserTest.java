package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.cli.chat.ChatInput.Blank;
import io.gaimace.cli.chat.ChatInput.Create;
import io.gaimace.cli.chat.ChatInput.Direct;
import io.gaimace.cli.chat.ChatInput.Help;
import io.gaimace.cli.chat.ChatInput.Invalid;
import io.gaimace.cli.chat.ChatInput.Invite;
import io.gaimace.cli.chat.ChatInput.Join;
import io.gaimace.cli.chat.ChatInput.Leave;
import io.gaimace.cli.chat.ChatInput.Me;
import io.gaimace.cli.chat.ChatInput.More;
import io.gaimace.cli.chat.ChatInput.Open;
import io.gaimace.cli.chat.ChatInput.Quit;
import io.gaimace.cli.chat.ChatInput.Rooms;
import io.gaimace.cli.chat.ChatInput.Say;
import io.gaimace.cli.chat.ChatInput.SetStatus;
import io.gaimace.cli.chat.ChatInput.Unknown;
import io.gaimace.cli.chat.ChatInput.Who;
import io.gaimace.protocol.PresenceStatus;
import org.junit.jupiter.api.Test;

class CommandParserTest {
  @Test
  void plainLinesAreMessagesAndBlankLinesNothing() {
    assertThat(CommandParser.parse("hello there  ")).isEqualTo(new Say("hello there"));
    assertThat(CommandParser.parse("  indented")).isEqualTo(new Say("  indented"));
    assertThat(CommandParser.parse("   ")).isEqualTo(new Blank());
    assertThat(CommandParser.parse("")).isEqualTo(new Blank());
  }

  @Test
  void aDoubleSlashSendsTheTextWithOneSlash() {
    assertThat(CommandParser.parse("//shrug it off")).isEqualTo(new Say("/shrug it off"));
  }

  @Test
  void commandsWithoutArguments() {
    assertThat(CommandParser.parse("/help")).isEqualTo(new Help());
    assertThat(CommandParser.parse("/rooms")).isEqualTo(new Rooms());
    assertThat(CommandParser.parse("/leave")).isEqualTo(new Leave());
    assertThat(CommandParser.parse("/who")).isEqualTo(new Who());
    assertThat(CommandParser.parse("/more")).isEqualTo(new More());
    assertThat(CommandParser.parse("/history")).isEqualTo(new More());
    assertThat(CommandParser.parse("/me")).isEqualTo(new Me());
    assertThat(CommandParser.parse("/quit")).isEqualTo(new Quit());
    assertThat(CommandParser.parse("  /QUIT  ")).isEqualTo(new Quit());
  }

  @Test
  void roomsAndUsersMayCarryTheirSigil() {
    assertThat(CommandParser.parse("/join lobby")).isEqualTo(new Join("lobby"));
    assertThat(CommandParser.parse("/join #lobby")).isEqualTo(new Join("lobby"));
    assertThat(CommandParser.parse("/open #lobby")).isEqualTo(new Open("lobby", false));
    assertThat(CommandParser.parse("/open lobby")).isEqualTo(new Open("lobby", false));
    assertThat(CommandParser.parse("/open @bob")).isEqualTo(new Open("bob", true));
    assertThat(CommandParser.parse("/invite @bob")).isEqualTo(new Invite("bob"));
    assertThat(CommandParser.parse("/invite bob")).isEqualTo(new Invite("bob"));
  }

  @Test
  void directMessagesKeepTheirWholeText() {
    assertThat(CommandParser.parse("/dm bob see you at  10:30 :wave:"))
        .isEqualTo(new Direct("bob", "see you at  10:30 :wave:"));
    assertThat(CommandParser.parse("/dm @bob hi")).isEqualTo(new Direct("bob", "hi"));
    assertThat(CommandParser.parse("/dm bob")).isEqualTo(new Invalid("usage: /dm USER MESSAGE"));
  }

  @Test
  void createTakesAnOptionalPublicFlag() {
    assertThat(CommandParser.parse("/create team")).isEqualTo(new Create("team", false));
    assertThat(CommandParser.parse("/create #team --public")).isEqualTo(new Create("team", true));
    assertThat(CommandParser.parse("/create team --open"))
        .isEqualTo(new Invalid("unknown option --open; usage: /create ROOM [--public]"));
  }

  @Test
  void statusIsAwayOrOnline() {
    assertThat(CommandParser.parse("/status away")).isEqualTo(new SetStatus(PresenceStatus.AWAY));
    assertThat(CommandParser.parse("/status ONLINE"))
        .isEqualTo(new SetStatus(PresenceStatus.ONLINE));
    assertThat(CommandParser.parse("/status offline"))
        .isEqualTo(new Invalid("usage: /status away|online"));
  }

  @Test
  void missingOrInvalidArgumentsSayWhatIsExpected() {
    assertThat(CommandParser.parse("/join")).isEqualTo(new Invalid("usage: /join ROOM"));
    assertThat(CommandParser.parse("/open"))
        .isEqualTo(new Invalid("usage: /open ROOM or /open @USER"));
    assertThat(CommandParser.parse("/join Big.Room"))
        .isEqualTo(
            new Invalid(
                "'Big.Room' is not a valid room id: use lower-case letters, digits, '-' or '_'"));
    assertThat(CommandParser.parse("/open @"))
        .isInstanceOfSatisfying(
            Invalid.class, i -> assertThat(i.problem()).contains("not a valid user id"));
  }

  @Test
  void tabCompletesEveryCommandInTheHelp() {
    assertThat(CommandParser.commands())
        .contains("/open", "/join", "/dm", "/quit")
        .allMatch(c -> c.startsWith("/") && !c.contains(" "))
        .allMatch(c -> !(CommandParser.parse(c + " x y") instanceof Unknown));
  }

  @Test
  void unknownCommandsAreNamed() {
    assertThat(CommandParser.parse("/frobnicate now")).isEqualTo(new Unknown("/frobnicate"));
    assertThat(CommandParser.parse("/")).isEqualTo(new Unknown("/"));
  }
}
