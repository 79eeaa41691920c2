package io.gaimace.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Entry point of the {@code gaimace} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The configured command tree: case-insensitive enum values ({@code --kind agent}) and the
   * mapping of failures to {@link ExitCode}s. Tests run commands through it with their own output
   * writers.
   */
  public static CommandLine commandLine() {
    return new CommandLine(new GaimaceCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(Main::failed);
  }

  private static int failed(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    if (e instanceof CommandFailure failure) {
      err.println(failure.getMessage());
      err.flush();
      return failure.exitCode();
    }
    err.println("internal error: " + e);
    e.printStackTrace(err);
    err.flush();
    return ExitCode.REFUSED;
  }
}
