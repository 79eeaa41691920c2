package io.gaimace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code gaimace chat} fails before it opens the terminal; the chat itself is tested in {@code
 * io.gaimace.cli.chat}.
 */
class ChatCommandTest {
  @TempDir static Path dir;
  static CliEnv env;

  @BeforeAll
  static void start() throws Exception {
    env = CliEnv.start(dir);
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  @Test
  void aTokenIsRequiredAndMustLookLikeOne() throws Exception {
    Cli.Result none = Cli.run("chat", "--nats-url", env.natsUrl(), "--token-file", "/nonexistent");
    assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(none.err()).contains("cannot read the token file /nonexistent");

    Path empty = Files.writeString(dir.resolve("empty.token"), "\n");
    assertThat(Cli.run("chat", "--token-file", empty.toString()).err())
        .contains("the token file " + empty + " is empty");

    Cli.Result shape = Cli.run("chat", "--nats-url", env.natsUrl(), "--token", "secret");
    assertThat(shape.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(shape.err()).contains("not a Gaimace token: it looks like gmc_<user>.<secret>");
  }

  @Test
  void aRefusedTokenOrNoServerIsExitCodeThree() {
    Cli.Result refused =
        Cli.run("chat", "--nats-url", env.natsUrl(), "--token", "gmc_nobody.notasecret");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(refused.err()).startsWith("error [unauthorized]: ").contains("check the token");

    String nowhere = "nats://127.0.0.1:" + CliEnv.unusedPort();
    Cli.Result unreachable = Cli.run("chat", "--nats-url", nowhere, "--token", "gmc_ann.x");
    assertThat(unreachable.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(unreachable.err()).startsWith("error [unavailable]: ").contains(nowhere);
  }
}
