package io.gaimace.cli.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaimace.cli.CommandFailure;
import io.gaimace.cli.ExitCode;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.server.auth.PermissionPolicy;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One NATS connection that sends Gaimace API requests as JSON and reads the replies, for one-shot
 * commands: it connects once (2 s timeout, no reconnects) and turns every failure into a {@link
 * CommandFailure} with a sentence saying what to do. Not thread-safe; one command uses it.
 */
public final class ApiClient implements AutoCloseable {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** The body of a request without fields. */
  public static final Map<String, Object> NO_FIELDS = Map.of();

  private final ObjectMapper mapper = ProtocolCodec.mapper();
  private final Connection connection;
  private final String url;
  private final String user;
  private final Recorder recorder;

  private ApiClient(Connection connection, String url, String user, Recorder recorder) {
    this.connection = connection;
    this.url = url;
    this.user = user;
    this.recorder = recorder;
  }

  /**
   * Connects as the token's user. {@code user} must be that user's id: replies come back on its own
   * inbox prefix, the only one it may subscribe to.
   *
   * @throws IllegalArgumentException if the URL is malformed
   * @throws CommandFailure with {@link ExitCode#UNAVAILABLE} if NATS cannot be reached or refuses
   *     the token
   */
  public static ApiClient connect(String url, String token, String user) throws CommandFailure {
    Recorder recorder = new Recorder();
    Options options =
        new Options.Builder()
            .server(url)
            .token(token.toCharArray())
            .inboxPrefix(PermissionPolicy.inboxPrefix(user))
            .connectionTimeout(CONNECT_TIMEOUT)
            .maxReconnects(0)
            .errorListener(recorder)
            .build();
    try {
      return new ApiClient(Nats.connect(options), url, user, recorder);
    } catch (IOException e) {
      throw connectFailure(url, e, recorder.last.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure(ExitCode.UNAVAILABLE, "interrupted while connecting to " + url);
    }
  }

  /**
   * Sends a request and decodes the reply into {@code replyType}.
   *
   * @throws ApiRefusal if the server answered with an {@code error}
   * @throws CommandFailure if no answer came
   */
  public <T> T call(String operation, Object request, Class<T> replyType) throws CommandFailure {
    JsonNode reply = call(operation, request);
    try {
      return mapper.treeToValue(reply, replyType);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new CommandFailure(
          ExitCode.REFUSED, "unexpected reply to " + operation + ": " + e.getMessage(), e);
    }
  }

  /** Sends a request and returns the JSON reply, which is not an {@code error}. */
  public JsonNode call(String operation, Object request) throws CommandFailure {
    Message message = send(operation, request);
    JsonNode reply;
    try {
      reply = mapper.readTree(message.getData());
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.REFUSED, "the reply to " + operation + " is not JSON", e);
    }
    if (reply == null || !reply.isObject()) {
      throw new CommandFailure(ExitCode.REFUSED, "the reply to " + operation + " is not an object");
    }
    if ("error".equals(reply.path("type").asText())) {
      throw new ApiRefusal(reply.path("code").asText("error"), reply.path("message").asText(""));
    }
    return reply;
  }

  private Message send(String operation, Object request) throws CommandFailure {
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a " + operation + " request", e);
    }
    CompletableFuture<Message> reply = connection.request(ApiSubjects.of(operation), body);
    try {
      // A refused reply subscription never gets an answer: fail as soon as NATS says so.
      Object first =
          CompletableFuture.anyOf(reply, recorder.permissionViolation)
              .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (first instanceof Message message) {
        return message;
      }
      throw wrongUser(String.valueOf(first));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CancellationException) {
        throw new CommandFailure(
            ExitCode.UNAVAILABLE,
            "no Gaimace server answers on " + url + ": is 'gaimace server' running?");
      }
      throw noAnswer(operation);
    } catch (TimeoutException e) {
      throw noAnswer(operation);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure(ExitCode.UNAVAILABLE, "interrupted while waiting for " + operation);
    }
  }

  private CommandFailure wrongUser(String violation) {
    return new CommandFailure(
        ExitCode.UNAVAILABLE,
        "NATS did not let this connection read its replies ("
            + violation.strip()
            + "): --user must be the token's user id (it is '"
            + user
            + "')");
  }

  private CommandFailure noAnswer(String operation) {
    return new CommandFailure(
        ExitCode.UNAVAILABLE,
        "no answer to "
            + operation
            + " within "
            + REQUEST_TIMEOUT.toSeconds()
            + " s: is 'gaimace server' running, and is --user the token's user id?");
  }

  private static CommandFailure connectFailure(String url, IOException e, String serverError) {
    String detail = serverError != null ? serverError : String.valueOf(e.getMessage());
    if (detail.toLowerCase(Locale.ROOT).contains("authorization")) {
      return new CommandFailure(
          ExitCode.UNAVAILABLE,
          "token refused by NATS at "
              + url
              + " (authorization violation): check --token/--token-file; the token may be"
              + " revoked or expired, or no 'gaimace server' is running to check it",
          e);
    }
    return new CommandFailure(
        ExitCode.UNAVAILABLE,
        "cannot reach NATS at "
            + url
            + ": is the server running? check --nats-url ("
            + detail
            + ")",
        e);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Keeps what the server reported (authorization, permissions) to explain a failure. */
  private static final class Recorder implements ErrorListener {
    final AtomicReference<String> last = new AtomicReference<>();
    final CompletableFuture<String> permissionViolation = new CompletableFuture<>();

    @Override
    public void errorOccurred(Connection conn, String error) {
      last.set(error);
      if (error.toLowerCase(Locale.ROOT).contains("permissions violation")) {
        permissionViolation.complete(error);
      }
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
      // Reported by connect() or by the request that fails; the default would log to stderr.
    }
  }
}
