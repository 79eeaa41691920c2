package io.gaimace.agent.llm;

import io.gaimace.protocol.Nullable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to call an OpenAI-compatible chat-completions endpoint (Ollama, llama.cpp's server,
 * vLLM, ...).
 *
 * @param baseUrl the API base, ending in {@code /v1}, e.g. {@code http://localhost:11434/v1}
 * @param model the model name the server knows
 * @param apiKey nullable: sent as a bearer token (local servers need none)
 * @param temperature nullable: sampling temperature
 * @param maxTokens nullable: the longest answer, in tokens
 * @param connectTimeout how long connecting may take
 * @param firstTokenTimeout how long to wait for the response and for each next piece of it
 * @param totalTimeout how long a whole answer may take
 */
public record LlmConfig(
    URI baseUrl,
    String model,
    @Nullable String apiKey,
    @Nullable Double temperature,
    @Nullable Integer maxTokens,
    Duration connectTimeout,
    Duration firstTokenTimeout,
    Duration totalTimeout) {

  public LlmConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(firstTokenTimeout, "firstTokenTimeout");
    Objects.requireNonNull(totalTimeout, "totalTimeout");
  }

  /**
   * A configuration with default timeouts: 5 s to connect, 60 s to the first token, 180 s total.
   */
  public static LlmConfig of(String baseUrl, String model) {
    return new LlmConfig(
        URI.create(baseUrl),
        model,
        null,
        null,
        null,
        Duration.ofSeconds(5),
        Duration.ofSeconds(60),
        Duration.ofSeconds(180));
  }

  public LlmConfig withTimeouts(Duration connect, Duration firstToken, Duration total) {
    return new LlmConfig(
        baseUrl, model, apiKey, temperature, maxTokens, connect, firstToken, total);
  }

  /** The chat-completions URL: the base URL plus {@code /chat/completions}. */
  public URI completionsUrl() {
    String base = baseUrl.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
  }
}
