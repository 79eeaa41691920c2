package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.cli.chat.ChatInput.Download;
import io.gaimace.cli.chat.ChatInput.Invalid;
import io.gaimace.cli.chat.ChatInput.ListFiles;
import io.gaimace.cli.chat.ChatInput.Upload;
import io.gaimace.protocol.Attachment;
import io.gaimace.protocol.ChatMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file commands' parsing, numbering, display and save paths, without a network. */
class FileInputsTest {
  static final Attachment PLAN =
      new Attachment("f1", "plan.pdf", 1_468_006, "application/pdf", "ab");
  static final Attachment NOTE = new Attachment("f2", "note.txt", 12, "text/plain", "cd");

  @TempDir Path dir;

  @Test
  void uploadTakesAPathQuotedOrNotAndAnOptionalCaption() {
    assertThat(CommandParser.parse("/upload /tmp/a.png")).isEqualTo(new Upload("/tmp/a.png", null));
    assertThat(CommandParser.parse("/upload /tmp/a.png  the chart :)"))
        .isEqualTo(new Upload("/tmp/a.png", "the chart :)"));
    assertThat(CommandParser.parse("/file \"/tmp/my file.png\" look"))
        .isEqualTo(new Upload("/tmp/my file.png", "look"));
    assertThat(CommandParser.parse("/upload ~/x.bin"))
        .isEqualTo(new Upload(System.getProperty("user.home") + "/x.bin", null));
    assertThat(CommandParser.parse("/upload"))
        .isEqualTo(new Invalid("usage: /upload PATH [CAPTION]"));
    assertThat(CommandParser.parse("/upload \"/tmp/oops"))
        .isEqualTo(new Invalid("unclosed quote; usage: /upload PATH [CAPTION]"));
  }

  @Test
  void downloadTakesAFileNumberAndAnOptionalPath() {
    assertThat(CommandParser.parse("/download 3")).isEqualTo(new Download(3, null));
    assertThat(CommandParser.parse("/save [2] /tmp/out.pdf"))
        .isEqualTo(new Download(2, "/tmp/out.pdf"));
    assertThat(CommandParser.parse("/download 1 \"/tmp/with space.txt\""))
        .isEqualTo(new Download(1, "/tmp/with space.txt"));
    assertThat(CommandParser.parse("/download"))
        .isEqualTo(new Invalid("usage: /download N [PATH]"));
    assertThat(CommandParser.parse("/download x"))
        .isEqualTo(new Invalid("'x' is not a file number; usage: /download N [PATH]"));
    assertThat(CommandParser.parse("/download 0"))
        .isEqualTo(new Invalid("file numbers start at 1; /files lists them"));
    assertThat(CommandParser.parse("/files")).isEqualTo(new ListFiles());
    assertThat(CommandParser.commands()).contains("/upload", "/download", "/files");
  }

  @Test
  void attachmentsAreNumberedOnceInTheOrderShownAndDescribed() {
    ShownFiles shown = new ShownFiles();
    LineFormatter format = new LineFormatter(Theme.plain(), java.time.ZoneOffset.UTC, "me");
    List<String> first =
        shown.show(message(List.of(PLAN, NOTE)), format).stream().map(Object::toString).toList();
    assertThat(first)
        .containsExactly(
            "  📎 [1] plan.pdf · 1.4 MiB · application/pdf",
            "  📎 [2] note.txt · 12 B · text/plain");
    // The same message again (history, then live) keeps its numbers.
    assertThat(shown.show(message(List.of(NOTE)), format).get(0).toString()).contains("[2]");
    assertThat(shown.show(message(null), format)).isEmpty();
    assertThat(shown.get(1)).contains(PLAN);
    assertThat(shown.get(3)).isEmpty();
    assertThat(ShownFiles.size(25L << 20)).isEqualTo("25.0 MiB");
  }

  @Test
  void aSavedFileKeepsOnlyTheLastElementOfItsName() {
    Attachment sneaky = new Attachment("f3", "../../.bashrc", 1, "text/plain", "ef");
    assertThat(FileCommands.target(sneaky, null)).isEqualTo(Path.of(".bashrc"));
    assertThat(FileCommands.target(PLAN, dir.toString())).isEqualTo(dir.resolve("plan.pdf"));
    assertThat(FileCommands.target(PLAN, dir.resolve("x.pdf").toString()))
        .isEqualTo(dir.resolve("x.pdf"));
    Attachment dots = new Attachment("f4", "..", 1, "text/plain", "ef");
    assertThat(FileCommands.target(dots, null)).isEqualTo(Path.of("download-f4"));
  }

  private static ChatMessage message(List<Attachment> attachments) {
    return new ChatMessage("bob", "team", null, Instant.EPOCH, "files", "m1", 1L, null)
        .toBuilder().attachments(attachments).build();
  }
}
