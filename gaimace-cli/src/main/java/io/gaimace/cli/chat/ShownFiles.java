package io.gaimace.cli.chat;

import io.gaimace.protocol.Attachment;
import io.gaimace.protocol.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jline.utils.AttributedString;

/**
 * The attachments shown so far, numbered from 1 in the order they appeared, so {@code /download N}
 * can name one. Each is shown under its message as {@code 📎 [N] name · size · type}. Chat thread
 * only.
 */
final class ShownFiles {
  private final List<Attachment> shown = new ArrayList<>();

  /** Lines for the message's attachments (none when it has none), numbering them. */
  List<AttributedString> show(ChatMessage m, LineFormatter format) {
    List<AttributedString> lines = new ArrayList<>();
    if (m.attachments() == null) {
      return lines;
    }
    for (Attachment a : m.attachments()) {
      int number = shown.indexOf(a) + 1;
      if (number == 0) {
        shown.add(a);
        number = shown.size();
      }
      lines.add(format.system(line(number, a)));
    }
    return lines;
  }

  Optional<Attachment> get(int number) {
    return number >= 1 && number <= shown.size()
        ? Optional.of(shown.get(number - 1))
        : Optional.empty();
  }

  List<Attachment> all() {
    return List.copyOf(shown);
  }

  /** {@code 📎 [2] plan.pdf · 1.4 MiB · application/pdf} */
  static String line(int number, Attachment a) {
    return "  📎 ["
        + number
        + "] "
        + LineFormatter.clean(a.name())
        + " · "
        + size(a.size())
        + " · "
        + LineFormatter.clean(a.mime());
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
