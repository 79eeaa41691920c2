package io.gaimace.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.sdk.GaimaceException;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Request/reply with the Gaimace API: JSON in, a typed record or a {@link GaimaceException} out.
 */
public final class Api {
  /** No server instance answered (none running, or the connection is down). Retryable. */
  public static final String UNAVAILABLE = "unavailable";

  private final java.util.function.Supplier<Connection> connection;
  private final Duration timeout;

  /** The connection is looked up at every call, because the session may replace it. */
  public Api(java.util.function.Supplier<Connection> connection, Duration timeout) {
    this.connection = connection;
    this.timeout = timeout;
  }

  public <T> CompletableFuture<T> call(String operation, Object body, Class<T> type) {
    byte[] data;
    try {
      data = ProtocolCodec.mapper().writeValueAsBytes(body);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(
          new GaimaceException("invalid_request", e.getMessage(), e));
    }
    Connection nc = connection.get();
    if (nc.getStatus() == Connection.Status.CLOSED) {
      return CompletableFuture.failedFuture(
          new GaimaceException(GaimaceException.CLOSED, "the client is closed"));
    }
    return nc.requestWithTimeout(ApiSubjects.of(operation), data, timeout)
        .handle((msg, error) -> decode(operation, msg, error, type));
  }

  private static <T> T decode(String operation, Message msg, Throwable error, Class<T> type) {
    if (error != null) {
      Throwable cause =
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      String text = String.valueOf(cause.getMessage());
      if (text.contains("No Responders") || text.contains("no responders")) {
        throw new GaimaceException(UNAVAILABLE, "no Gaimace server answered " + operation, cause);
      }
      throw new GaimaceException(
          GaimaceException.TIMEOUT, "no answer to " + operation + " in time", cause);
    }
    try {
      JsonNode tree = ProtocolCodec.mapper().readTree(msg.getData());
      if ("error".equals(tree.path("type").asText())) {
        throw new GaimaceException(
            tree.path("code").asText("error"), tree.path("message").asText("refused"));
      }
      return ProtocolCodec.mapper().treeToValue(tree, type);
    } catch (IOException e) {
      throw new GaimaceException(
          "invalid_reply", "the server's reply to " + operation + " is unreadable", e);
    }
  }

  /** True when a failure says nothing about the request itself, so sending it again is right. */
  public static boolean isTransient(Throwable t) {
    Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (c instanceof GaimaceException g) {
      return g.code().equals(GaimaceException.TIMEOUT)
          || g.code().equals(UNAVAILABLE)
          || g.code().equals("rate_limited")
          || g.code().equals("internal");
    }
    return false;
  }
}
