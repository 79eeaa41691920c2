package io.gaimace.server.nats;

/** JetStream could not be read or written; the request that hit it is answered with an error. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
