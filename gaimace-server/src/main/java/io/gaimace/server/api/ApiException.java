package io.gaimace.server.api;

/** A refused request: answered with the protocol's {@code error} carrying this code and reason. */
public final class ApiException extends Exception {
  private final ErrorCode code;

  public ApiException(ErrorCode code, String reason) {
    super(reason, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public static ApiException invalid(String reason) {
    return new ApiException(ErrorCode.INVALID_REQUEST, reason);
  }

  public static ApiException notFound(String reason) {
    return new ApiException(ErrorCode.NOT_FOUND, reason);
  }

  public static ApiException forbidden(String reason) {
    return new ApiException(ErrorCode.FORBIDDEN, reason);
  }
}
