package io.gaimace.cli;

/** The exit codes of every {@code gaimace} command, so scripts can tell failures apart. */
public final class ExitCode {
  /** Done. */
  public static final int OK = 0;

  /** The Gaimace server refused the request, or the command failed for another reason. */
  public static final int REFUSED = 1;

  /** The command line is wrong (picocli's default for invalid input). */
  public static final int USAGE = 2;

  /** NATS cannot be reached, refused the token, or no Gaimace server answers. */
  public static final int UNAVAILABLE = 3;

  private ExitCode() {}
}
