package io.gaimace.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The temporary directory of one server: its configuration, log, console output and store. It lives
 * as long as the {@link NatsServerProcess}, across restarts.
 */
final class WorkDir {
  private static final int TAIL_LINES = 40;

  private final Path root;

  private WorkDir(Path root) {
    this.root = root;
  }

  static WorkDir create(String serverName) {
    try {
      return new WorkDir(Files.createTempDirectory("gaimace-nats-" + serverName + "-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for nats-server", e);
    }
  }

  Path root() {
    return root;
  }

  Path configFile() {
    return root.resolve("nats-server.conf");
  }

  Path logFile() {
    return root.resolve("nats-server.log");
  }

  /**
   * Standard output and error: where the server reports errors it finds before it opens its log.
   */
  Path consoleFile() {
    return root.resolve("nats-server.out");
  }

  Path storeDir() {
    return root.resolve("jetstream");
  }

  void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  boolean logsContain(String text) {
    return read(logFile()).contains(text) || read(consoleFile()).contains(text);
  }

  /** The last lines of the console output and the log, for exception messages. */
  String tails() {
    return tail(consoleFile()) + tail(logFile());
  }

  void delete() throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : paths) {
      Files.deleteIfExists(path);
    }
  }

  private static String tail(Path file) {
    String text = read(file).strip();
    if (text.isEmpty()) {
      return "";
    }
    List<String> lines = text.lines().toList();
    List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
    return "\n--- last " + last.size() + " lines of " + file + " ---\n" + String.join("\n", last);
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }
}
