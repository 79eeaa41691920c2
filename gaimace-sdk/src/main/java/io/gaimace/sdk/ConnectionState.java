package io.gaimace.sdk;

/** The state of a client's connection, as {@link GaimaceListener#onConnectionState} reports it. */
public enum ConnectionState {
  /** Connected; messages flow. */
  CONNECTED,
  /** The connection dropped; the client is reconnecting and queues sends meanwhile. */
  RECONNECTING,
  /** Reconnected; missed messages are being recovered from history. */
  RECONNECTED,
  /** Closed for good (by {@link GaimaceClient#close()} or because the token was refused). */
  CLOSED
}
