package io.gaimace.cli.chat;

import io.gaimace.server.GaimaceFixture;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A shell script that runs {@code gaimace chat} from the test's class path and then says how it
 * ended, for tmux tests.
 */
final class ChatTerminalScripts {
  private ChatTerminalScripts() {}

  static Path chat(Path dir, GaimaceFixture env, Path tokenFile) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String script =
        String.join(
            "\n",
            "export LANG=C.UTF-8",
            "unset NO_COLOR GAIMACE_TOKEN GAIMACE_LOG_LEVEL",
            quote(java)
                + " -cp "
                + quote(System.getProperty("java.class.path"))
                + " io.gaimace.cli.Main chat --token-file "
                + quote(tokenFile.toString())
                + " --nats-url "
                + quote(env.nats().clientUrl())
                + " 2>"
                + quote(dir.resolve("chat.err").toString()),
            "echo \"gaimace chat exited with $?\"",
            "");
    return Files.writeString(dir.resolve("chat.sh"), script);
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
