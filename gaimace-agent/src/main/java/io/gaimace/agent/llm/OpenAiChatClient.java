package io.gaimace.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A streaming client of the OpenAI chat-completions API ({@code POST <base>/chat/completions} with
 * {@code "stream": true}), as served by Ollama, llama.cpp's server and vLLM. Server-sent events
 * ({@code data: {...}} lines, then {@code data: [DONE]}) are read line by line and each {@code
 * choices[0].delta.content} is handed on at once. A server that answers without streaming (one JSON
 * body) works too.
 *
 * <p>It never hangs: lines are read from a queue with a deadline, so a server that stops sending is
 * given up after {@code firstTokenTimeout} without a line and in any case after {@code
 * totalTimeout}; a cancelled answer is abandoned within 100 ms. Every failure is an {@link
 * LlmException} with a stable code.
 */
public final class OpenAiChatClient {
  private static final String END = "\u0000end";
  private static final int MAX_ERROR_CHARS = 300;

  private final LlmConfig config;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public OpenAiChatClient(LlmConfig config) {
    this.config = config;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public LlmConfig config() {
    return config;
  }

  /**
   * Streams an answer.
   *
   * @param messages the conversation, system prompt first
   * @param onToken receives each piece of text as it arrives
   * @param cancelled polled while waiting; true abandons the answer (returns what came so far)
   * @return the whole answer
   */
  public String complete(
      List<ChatTurn> messages, Consumer<String> onToken, BooleanSupplier cancelled)
      throws LlmException, InterruptedException {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    LineSink sink = new LineSink(lines);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(config.completionsUrl())
            .timeout(config.totalTimeout())
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body(messages)));
    if (config.apiKey() != null && !config.apiKey().isBlank()) {
      request.header("Authorization", "Bearer " + config.apiKey());
    }
    int[] status = {0};
    CompletableFuture<HttpResponse<Void>> response =
        http.sendAsync(
            request.build(),
            info -> {
              status[0] = info.statusCode();
              return HttpResponse.BodySubscribers.fromLineSubscriber(sink);
            });
    response.whenComplete((r, e) -> lines.add(END));
    long start = System.nanoTime();
    long lastLine = start;
    StringBuilder answer = new StringBuilder();
    StringBuilder raw = new StringBuilder();
    boolean sawEvents = false;
    try {
      while (true) {
        if (cancelled.getAsBoolean()) {
          return answer.toString();
        }
        long now = System.nanoTime();
        if (now - start > config.totalTimeout().toNanos()) {
          throw timeout(
              "the LLM did not finish within " + config.totalTimeout().toSeconds() + " s");
        }
        if (now - lastLine > config.firstTokenTimeout().toNanos()) {
          throw timeout(
              "the LLM sent nothing for " + config.firstTokenTimeout().toSeconds() + " s");
        }
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line == null) {
          continue;
        }
        lastLine = System.nanoTime();
        if (END.equals(line)) {
          failIfFailed(response, status[0], raw);
          if (!sawEvents) {
            return plainBody(raw.toString(), onToken);
          }
          return answer.toString();
        }
        if (status[0] != 200) {
          if (raw.length() < MAX_ERROR_CHARS) {
            raw.append(line).append('\n');
          }
          continue;
        }
        if (line.startsWith("data:")) {
          sawEvents = true;
          String data = line.substring(5).trim();
          if (data.equals("[DONE]")) {
            return answer.toString();
          }
          String token = token(data);
          if (!token.isEmpty()) {
            answer.append(token);
            onToken.accept(token);
          }
        } else if (!sawEvents && !line.startsWith(":") && !line.startsWith("event:")) {
          raw.append(line).append('\n');
        }
      }
    } finally {
      sink.cancel();
      response.cancel(true);
    }
  }

  private byte[] body(List<ChatTurn> messages) throws LlmException {
    ObjectNode body = json.createObjectNode();
    body.put("model", config.model());
    body.put("stream", true);
    if (config.temperature() != null) {
      body.put("temperature", config.temperature());
    }
    if (config.maxTokens() != null) {
      body.put("max_tokens", config.maxTokens());
    }
    ArrayNode list = body.putArray("messages");
    for (ChatTurn t : messages) {
      list.addObject().put("role", t.role()).put("content", t.content());
    }
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new LlmException("llm_bad_request", "cannot write the request", e);
    }
  }

  /** The text of one streamed chunk; an {@code error} object in the stream is a failure. */
  private String token(String data) throws LlmException {
    try {
      JsonNode chunk = json.readTree(data);
      if (chunk.hasNonNull("error")) {
        throw new LlmException("llm_error", "the LLM reported: " + errorText(chunk.get("error")));
      }
      JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
      return content.isTextual() ? content.asText() : "";
    } catch (IOException e) {
      throw new LlmException("llm_bad_response", "the LLM sent an unreadable event", e);
    }
  }

  /** A server that ignored {@code stream}: one chat-completion object. */
  private String plainBody(String body, Consumer<String> onToken) throws LlmException {
    try {
      JsonNode content =
          json.readTree(body).path("choices").path(0).path("message").path("content");
      if (!content.isTextual()) {
        throw new LlmException("llm_bad_response", "the LLM's answer has no text");
      }
      onToken.accept(content.asText());
      return content.asText();
    } catch (IOException e) {
      throw new LlmException("llm_bad_response", "the LLM's answer is unreadable", e);
    }
  }

  private void failIfFailed(
      CompletableFuture<HttpResponse<Void>> response, int status, StringBuilder raw)
      throws LlmException, InterruptedException {
    try {
      response.get(1, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof HttpTimeoutException) {
        throw timeout("the LLM did not answer in time");
      }
      if (c instanceof ConnectException || c instanceof java.nio.channels.ClosedChannelException) {
        throw new LlmException("llm_unreachable", "cannot reach the LLM at " + config.baseUrl(), c);
      }
      throw new LlmException("llm_unreachable", "the LLM connection failed: " + c, c);
    } catch (java.util.concurrent.TimeoutException e) {
      // the body ended; the response object follows at once, or it does not matter
    }
    if (status != 200) {
      String text = raw.toString().strip();
      throw new LlmException(
          "llm_error",
          "the LLM answered HTTP "
              + status
              + (text.isEmpty() ? "" : ": " + text.substring(0, Math.min(text.length(), 200))));
    }
  }

  private String errorText(JsonNode error) {
    return error.isTextual() ? error.asText() : error.path("message").asText(error.toString());
  }

  private static LlmException timeout(String message) {
    return new LlmException("llm_timeout", message);
  }

  /** Puts each line of the body on the queue; can be cancelled from the reading side. */
  private static final class LineSink implements Flow.Subscriber<String> {
    private final BlockingQueue<String> lines;
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    LineSink(BlockingQueue<String> lines) {
      this.lines = lines;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (cancelled) {
        s.cancel();
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(String line) {
      lines.add(line);
    }

    @Override
    public void onError(Throwable t) {
      lines.add(END);
    }

    @Override
    public void onComplete() {
      lines.add(END);
    }

    void cancel() {
      cancelled = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }
}
