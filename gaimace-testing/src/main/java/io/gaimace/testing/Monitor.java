package io.gaimace.testing;

import io.nats.client.support.JsonParseException;
import io.nats.client.support.JsonParser;
import io.nats.client.support.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Reads a server's HTTP monitoring endpoints ({@code /healthz}, {@code /jsz}). */
final class Monitor {
  /** No answer at all: nothing listens yet, or the request failed. */
  static final int NO_ANSWER = -1;

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();

  private Monitor() {}

  /** The HTTP status of {@code GET path}, or {@link #NO_ANSWER}. */
  static int status(int port, String path) {
    return get(port, path).map(HttpResponse::statusCode).orElse(NO_ANSWER);
  }

  /** The JSON body of {@code GET path} when it answers 200. */
  static Optional<JsonValue> json(int port, String path) {
    return get(port, path).filter(r -> r.statusCode() == 200).flatMap(r -> parse(r.body()));
  }

  /** Waits between two polls. */
  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsServerException("interrupted while waiting for nats-server", e);
    }
  }

  /** The value at {@code keys} in nested JSON objects, or {@link JsonValue#NULL}. */
  static JsonValue at(JsonValue json, String... keys) {
    JsonValue value = json;
    for (String key : keys) {
      value = value.map == null ? null : value.map.get(key);
      if (value == null) {
        return JsonValue.NULL;
      }
    }
    return value;
  }

  private static Optional<HttpResponse<String>> get(int port, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + ServerConfig.HOST + ":" + port + path))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    try {
      return Optional.of(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsServerException("interrupted while polling " + request.uri(), e);
    }
  }

  private static Optional<JsonValue> parse(String body) {
    try {
      return Optional.of(JsonParser.parse(body));
    } catch (JsonParseException e) {
      return Optional.empty();
    }
  }
}
