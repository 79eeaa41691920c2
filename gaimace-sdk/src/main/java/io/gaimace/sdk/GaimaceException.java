package io.gaimace.sdk;

/**
 * A request the server refused, or that could not be made. {@link #code()} is the server's stable
 * error code (see docs/protocol.md), or one of this class's own codes for local failures.
 */
public class GaimaceException extends RuntimeException {
  /** The request got no answer in time. It may be retried. */
  public static final String TIMEOUT = "timeout";

  /** The connection is closed. */
  public static final String CLOSED = "closed";

  /** The token was refused at connect. */
  public static final String UNAUTHORIZED = "unauthorized";

  private final String code;

  public GaimaceException(String code, String reason) {
    super(reason + " [" + code + "]");
    this.code = code;
  }

  public GaimaceException(String code, String reason, Throwable cause) {
    super(reason + " [" + code + "]", cause);
    this.code = code;
  }

  /** The stable code, e.g. {@code not_member}, {@code rate_limited}, {@code timeout}. */
  public String code() {
    return code;
  }

  /** True for failures a later retry may cure (rate limits, timeouts, server trouble). */
  public boolean isRetryable() {
    return code.equals("rate_limited") || code.equals(TIMEOUT) || code.equals("internal");
  }
}
