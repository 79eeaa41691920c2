package io.gaimace.protocol.api;

/** A success reply that carries no data beyond a short human sentence. */
public record Ok(boolean ok, String message) {
  public static Ok of(String message) {
    return new Ok(true, message);
  }
}
