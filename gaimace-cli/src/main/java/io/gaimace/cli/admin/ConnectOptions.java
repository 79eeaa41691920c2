package io.gaimace.cli.admin;

import io.gaimace.cli.CommandFailure;
import io.gaimace.protocol.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where and as whom an API command connects. The token comes from {@code --token}, else {@code
 * --token-file}, else {@code GAIMACE_TOKEN}, else {@code .gaimace/admin.token} if it exists (what
 * {@code gaimace server} writes for the first admin). The user id, which names the reply inbox, is
 * {@code --user}, else the one a token names ({@link Tokens}), else {@code GAIMACE_USER}, else
 * {@code admin}.
 */
public final class ConnectOptions {
  static final Path DEFAULT_TOKEN_FILE = Path.of(".gaimace", "admin.token");

  @Option(
      names = "--nats-url",
      paramLabel = "URL",
      defaultValue = "${env:GAIMACE_NATS_URL:-nats://127.0.0.1:4222}",
      description = "NATS server (env GAIMACE_NATS_URL; default ${DEFAULT-VALUE})")
  String natsUrl;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "the token (env GAIMACE_TOKEN); --token-file keeps it out of the process list")
  String token;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "file holding the token (default .gaimace/admin.token if no token is given)")
  Path tokenFile;

  @Option(
      names = "--user",
      paramLabel = "ID",
      description =
          "the token's user id, for its reply inbox (default: read from the token, else env"
              + " GAIMACE_USER, else admin)")
  String user;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /** Connects with these options. */
  ApiClient open() throws CommandFailure {
    String secret = token();
    try {
      return ApiClient.connect(natsUrl, secret, userOf(secret));
    } catch (IllegalArgumentException e) {
      throw usage("invalid --nats-url or --user: " + e.getMessage());
    }
  }

  private String userOf(String secret) {
    if (user != null && !user.isBlank()) {
      return user.strip();
    }
    return Tokens.userIdOf(secret)
        .orElseGet(() -> System.getenv().getOrDefault("GAIMACE_USER", "admin"));
  }

  private String token() {
    if (token != null && !token.isBlank()) {
      return token.strip();
    }
    if (tokenFile != null) {
      return read(tokenFile);
    }
    String fromEnv = System.getenv("GAIMACE_TOKEN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    if (Files.isReadable(DEFAULT_TOKEN_FILE)) {
      return read(DEFAULT_TOKEN_FILE);
    }
    throw usage("no token: pass --token-file FILE or --token TOKEN, or set GAIMACE_TOKEN");
  }

  private String read(Path file) {
    try {
      String text = Files.readString(file).strip();
      if (text.isEmpty()) {
        throw usage("the token file " + file + " is empty");
      }
      return text;
    } catch (IOException e) {
      throw usage("cannot read the token file " + file + ": " + e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
