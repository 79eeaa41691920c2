package io.gaimace.testing;

/**
 * A {@code nats-server} process could not be found, started, made ready or stopped. The message
 * says what went wrong and, when the server itself complained, ends with the tail of its log.
 */
public final class NatsServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NatsServerException(String message) {
    super(message);
  }

  NatsServerException(String message, Throwable cause) {
    super(message, cause);
  }
}
