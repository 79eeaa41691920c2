package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.cli.chat.ChatInput.Invalid;
import io.gaimace.cli.chat.ChatInput.Mute;
import io.gaimace.cli.chat.ChatInput.Role;
import io.gaimace.cli.chat.ChatInput.Search;
import io.gaimace.cli.chat.ChatInput.Unmute;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Parsing of {@code /search}, {@code /mute}, {@code /unmute} and {@code /role}. */
class ModerationInputTest {
  @Test
  void searchTakesTheRestOfTheLineAsItIs() {
    assertThat(CommandParser.parse("/search  the Big  plan "))
        .isEqualTo(new Search("the Big  plan"));
    assertThat(CommandParser.parse("/find x")).isEqualTo(new Search("x"));
    assertThat(CommandParser.parse("/search")).isInstanceOf(Invalid.class);
  }

  @Test
  void muteTakesAUserAndAnOptionalDuration() {
    assertThat(CommandParser.parse("/mute @bob")).isEqualTo(new Mute("bob", null));
    assertThat(CommandParser.parse("/mute bob 30m"))
        .isEqualTo(new Mute("bob", Duration.ofMinutes(30)));
    assertThat(CommandParser.parse("/mute bob 2h")).isEqualTo(new Mute("bob", Duration.ofHours(2)));
    assertThat(CommandParser.parse("/mute bob 1d")).isEqualTo(new Mute("bob", Duration.ofDays(1)));
    assertThat(CommandParser.parse("/mute bob 45s"))
        .isEqualTo(new Mute("bob", Duration.ofSeconds(45)));
    assertThat(((Invalid) CommandParser.parse("/mute bob soon")).problem())
        .contains("not a duration");
    assertThat(CommandParser.parse("/mute bob 0m")).isInstanceOf(Invalid.class);
    assertThat(CommandParser.parse("/mute")).isInstanceOf(Invalid.class);
    assertThat(CommandParser.parse("/mute Bob")).isInstanceOf(Invalid.class);
  }

  @Test
  void unmuteAndRole() {
    assertThat(CommandParser.parse("/unmute @bob")).isEqualTo(new Unmute("bob"));
    assertThat(CommandParser.parse("/unmute")).isInstanceOf(Invalid.class);
    assertThat(CommandParser.parse("/role @bob Moderator")).isEqualTo(new Role("bob", "moderator"));
    assertThat(CommandParser.parse("/role bob owner")).isEqualTo(new Role("bob", "owner"));
    assertThat(CommandParser.parse("/role bob admin")).isInstanceOf(Invalid.class);
    assertThat(CommandParser.parse("/role bob")).isInstanceOf(Invalid.class);
  }

  @Test
  void theNewCommandsAreInTheHelp() {
    assertThat(CommandParser.commands()).contains("/search", "/mute", "/unmute", "/role");
  }
}
