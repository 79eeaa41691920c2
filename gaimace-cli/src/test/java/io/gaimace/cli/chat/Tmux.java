package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;

/**
 * A command running in a real terminal: a detached tmux session on a tmux server of its own (unique
 * socket, own configuration), so tests neither see nor touch anyone's tmux. Keys go in with {@code
 * send-keys}, the screen comes out with {@code capture-pane}. Closing kills the server.
 */
final class Tmux implements AutoCloseable {
  static final int COLUMNS = 120;
  static final int ROWS = 40;

  private final String socket = "gaimace-test-" + UUID.randomUUID().toString().substring(0, 8);
  private final Path config;

  private Tmux(Path dir) throws IOException {
    this.config =
        Files.writeString(
            dir.resolve(socket + ".conf"),
            String.join(
                "\n",
                "set -g remain-on-exit on",
                "set -g default-terminal screen-256color",
                "set -g history-limit 2000",
                ""));
  }

  /** Fails with a clear message when tmux is not installed: the test needs a real terminal. */
  static void requireInstalled() {
    String version;
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new AssertionError(
          "tmux is needed to test the chat in a real terminal but cannot be run ("
              + e.getMessage()
              + "); install it: apt-get install tmux",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    assertThat(version).as("tmux -V").startsWith("tmux");
  }

  /** Starts {@code script} (a shell script) in a new session of the given size. */
  static Tmux start(Path dir, Path script) throws IOException {
    Tmux tmux = new Tmux(dir);
    tmux.run(
        "new-session",
        "-d",
        "-s",
        "chat",
        "-x",
        String.valueOf(COLUMNS),
        "-y",
        String.valueOf(ROWS),
        "sh " + script.toAbsolutePath());
    return tmux;
  }

  /** Types text literally (no key names). */
  void type(String text) {
    run("send-keys", "-t", "chat", "-l", text);
  }

  /** Presses keys by tmux name, e.g. {@code Enter}, {@code C-u}. */
  void press(String... keys) {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", "chat"));
    args.addAll(List.of(keys));
    run(args.toArray(String[]::new));
  }

  /** Types a line and presses Enter. */
  void enter(String line) {
    type(line);
    press("Enter");
  }

  /** What the terminal shows now. */
  String screen() {
    return run("capture-pane", "-p", "-t", "chat");
  }

  /** Waits until the screen satisfies the assertions; a failure shows the last screen. */
  String await(Duration atMost, Consumer<String> assertions) {
    Awaitility.await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertions.accept(screen()));
    return screen();
  }

  private String run(String... args) {
    List<String> command = new ArrayList<>(List.of("tmux", "-u", "-L", socket, "-f"));
    command.add(config.toString());
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("tmux did not answer: " + command);
      }
      if (p.exitValue() != 0) {
        throw new AssertionError("tmux failed (" + p.exitValue() + "): " + command + "\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot run tmux: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    try {
      new ProcessBuilder("tmux", "-L", socket, "kill-server")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      // nothing left to clean up
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(config);
    } catch (IOException e) {
      // a temporary directory
    }
  }
}
