package io.gaimace.cli;

/**
 * A command failed in a way the user can act on: {@link Main} prints the message, without a stack
 * trace, on stderr and exits with {@link #exitCode()}.
 */
public class CommandFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public CommandFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CommandFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** One of {@link ExitCode}'s values. */
  public int exitCode() {
    return exitCode;
  }
}
