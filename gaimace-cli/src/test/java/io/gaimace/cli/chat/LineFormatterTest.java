package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.sdk.GaimaceException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class LineFormatterTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  final Theme theme = Theme.colour();
  final LineFormatter format = new LineFormatter(theme, BERLIN, "alice");

  static ChatMessage message(String sender, String content, String at) {
    return new ChatMessage(sender, "lobby", null, Instant.parse(at), content, "m1", 7L, null);
  }

  @Test
  void aMessageShowsLocalTimeNameAndText() {
    AttributedString line =
        format.message(message("bob", "hi there", "2025-06-02T21:05:00Z"), "Bob");
    assertThat(line.toString()).isEqualTo("23:05 Bob: hi there");
  }

  @Test
  void othersNamesAreColouredByTheirIdAndOwnMessagesAreFaint() {
    AttributedString theirs = format.message(message("bob", "hi", "2025-06-02T21:05:00Z"), "Bob");
    AttributedString mine = format.message(message("alice", "yo", "2025-06-02T21:06:00Z"), "Al");
    int name = "23:05 ".length();

    assertThat(theirs.styleAt(0)).isEqualTo(theme.time());
    assertThat(theirs.styleAt(name)).isEqualTo(theme.name("bob"));
    assertThat(theirs.styleAt(theirs.length() - 1)).isEqualTo(AttributedStyle.DEFAULT);
    assertThat(mine.styleAt(name)).isEqualTo(theme.ownName());
    assertThat(mine.styleAt(mine.length() - 1)).isEqualTo(theme.ownText());
    assertThat(theme.ownText()).isNotEqualTo(AttributedStyle.DEFAULT);
  }

  @Test
  void nameColoursAreStableAndSpread() {
    assertThat(Theme.colourIndex("bob")).isEqualTo(Theme.colourIndex("bob"));
    assertThat(theme.name("bob")).isEqualTo(Theme.colour().name("bob"));
    assertThat(
            java.util.stream.Stream.of("alice", "bob", "carol", "dave", "erin", "frank", "grace")
                .map(Theme::colourIndex)
                .distinct()
                .count())
        .isGreaterThan(2);
  }

  @Test
  void withoutColourEverythingIsPlain() {
    LineFormatter plain = new LineFormatter(Theme.plain(), BERLIN, "alice");
    AttributedString line = plain.message(message("bob", "hi", "2025-06-02T21:05:00Z"), "Bob");
    for (int i = 0; i < line.length(); i++) {
      assertThat(line.styleAt(i)).isEqualTo(AttributedStyle.DEFAULT);
    }
    assertThat(plain.error("nope", "not_member").styleAt(0)).isEqualTo(AttributedStyle.DEFAULT);
  }

  @Test
  void continuationLinesAreIndentedUnderTheText() {
    AttributedString line =
        format.message(message("bob", "one\r\ntwo\nthree", "2025-06-02T08:00:00Z"), "Bob");
    assertThat(line.toString())
        .isEqualTo("10:00 Bob: one\n" + "           two\n" + "           three");
  }

  @Test
  void controlCharactersFromTheNetworkCannotDriveTheTerminal() {
    AttributedString line =
        format.message(
            message("bob", "\u001b[2Jgone\u0007 \u202eevil\ttab", "2025-06-02T08:00:00Z"),
            "B\u001bob");
    assertThat(line.toString())
        .isEqualTo("10:00 B\uFFFDob: \uFFFD[2Jgone\uFFFD \uFFFDevil    tab")
        .doesNotContain("\u001b");
  }

  @Test
  void daySeparatorsNameTodayYesterdayOrTheDate() {
    LocalDate today = LocalDate.of(2025, 6, 3);
    assertThat(format.daySeparator(today, today).toString()).isEqualTo("── Today ──");
    assertThat(format.daySeparator(today.minusDays(1), today).toString())
        .isEqualTo("── Yesterday ──");
    assertThat(format.daySeparator(LocalDate.of(2025, 5, 30), today).toString())
        .isEqualTo("── Friday 30 May 2025 ──");
    assertThat(format.daySeparator(today, today).styleAt(0)).isEqualTo(theme.system());
  }

  @Test
  void theDayOfAMessageIsItsLocalDate() {
    assertThat(format.dayOf(Instant.parse("2025-06-02T22:30:00Z")))
        .isEqualTo(LocalDate.of(2025, 6, 3));
  }

  @Test
  void errorsReadReasonAndCodeInRed() {
    AttributedString e =
        format.error(new GaimaceException("not_member", "you are not a member of room 'x'"));
    assertThat(e.toString()).isEqualTo("! you are not a member of room 'x' [not_member]");
    assertThat(e.styleAt(0)).isEqualTo(theme.error());
    assertThat(format.error("usage: /join ROOM").toString()).isEqualTo("! usage: /join ROOM");
  }

  @Test
  void titlesAndNoticesNameTheDialogue() {
    assertThat(format.title("#lobby", "Lobby").toString()).isEqualTo("── #lobby · Lobby ──");
    assertThat(format.title("#lobby", "lobby").toString()).isEqualTo("── #lobby ──");
    assertThat(format.notice("@bob", "new direct message (2 unread)").toString())
        .isEqualTo("• @bob: new direct message (2 unread)");
  }
}
