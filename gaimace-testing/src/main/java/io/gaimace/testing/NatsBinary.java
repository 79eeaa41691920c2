package io.gaimace.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code nats-server} executable and asks it for its version. */
final class NatsBinary {
  static final String ENV = "NATS_SERVER_BIN";
  private static final String NAME = "nats-server";
  private static final String HINT = "run scripts/install-nats.sh or set " + ENV;
  private static final Pattern VERSION = Pattern.compile("v?(\\d+\\.\\d+\\.\\d+\\S*)");

  private NatsBinary() {}

  /**
   * The explicit path if given, else {@value #ENV}, else {@code nats-server} on {@code PATH}.
   *
   * @param explicit a path set on the builder, or {@code null}
   */
  static Path resolve(Path explicit) {
    if (explicit != null) {
      return requireExecutable(explicit, "");
    }
    String fromEnv = System.getenv(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return requireExecutable(Path.of(fromEnv), " (from " + ENV + ")");
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, NAME);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new NatsServerException(NAME + " not found on PATH: " + HINT);
  }

  /** Runs {@code <binary> --version} and returns the bare version, e.g. {@code 2.10.27}. */
  static String version(Path binary) {
    try {
      Process process =
          new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new NatsServerException(binary + " --version did not finish in 10 s");
      }
      Matcher matcher = VERSION.matcher(output);
      if (process.exitValue() != 0 || !matcher.find()) {
        throw new NatsServerException(
            binary + " --version failed (exit " + process.exitValue() + "): " + output.strip());
      }
      return matcher.group(1);
    } catch (IOException e) {
      throw new NatsServerException("cannot run " + binary + " --version: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsServerException("interrupted while running " + binary + " --version", e);
    }
  }

  private static Path requireExecutable(Path binary, String origin) {
    if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
      throw new NatsServerException(
          NAME + " not found: no executable at " + binary + origin + ": " + HINT);
    }
    return binary;
  }
}
