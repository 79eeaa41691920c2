package io.gaimace.cli.admin;

import io.gaimace.cli.CommandFailure;
import io.gaimace.cli.ExitCode;

/** The server answered with the protocol's {@code error}: printed as {@code error [code]: ...}. */
public final class ApiRefusal extends CommandFailure {
  private static final long serialVersionUID = 1L;

  private final String code;

  public ApiRefusal(String code, String reason) {
    super(ExitCode.REFUSED, "error [" + code + "]: " + reason);
    this.code = code;
  }

  /** The stable error code, e.g. {@code conflict}. */
  public String code() {
    return code;
  }
}
