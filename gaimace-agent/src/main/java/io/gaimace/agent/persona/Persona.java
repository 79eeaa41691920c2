package io.gaimace.agent.persona;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gaimace.agent.AgentLimits;
import io.gaimace.agent.AnswerPolicy;
import io.gaimace.protocol.Nullable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A persona file (JSON): who the agent is, what it says, where and when it answers, and which LLM
 * speaks for it. Unknown keys are refused, so a typo does not go unnoticed. Example in {@code
 * examples/personas/}; every key in docs/agents.md.
 *
 * @param name display name
 * @param description what the agent is about (its profile)
 * @param avatar nullable: picture URL
 * @param capabilities nullable: capability tags for the directory
 * @param systemPrompt the LLM's system prompt
 * @param rooms nullable: rooms to join at start
 * @param answer nullable: {@code mentioned} (default), {@code dm} or {@code every}
 * @param llm the LLM endpoint
 * @param limits nullable: safeguards; defaults as in {@link AgentLimits#DEFAULTS}
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Persona(
    String name,
    String description,
    @Nullable String avatar,
    @Nullable List<String> capabilities,
    String systemPrompt,
    @Nullable List<String> rooms,
    @Nullable String answer,
    @Nullable Llm llm,
    @Nullable Limits limits) {

  /**
   * The LLM endpoint. {@code GAIMACE_LLM_URL}, {@code GAIMACE_LLM_MODEL} and {@code
   * GAIMACE_LLM_API_KEY} in the environment override the file.
   *
   * @param url nullable: API base ending in {@code /v1}
   * @param model nullable: model name
   * @param apiKeyEnv nullable: name of an environment variable holding an API key
   * @param temperature nullable: sampling temperature
   * @param maxTokens nullable: the longest answer in tokens
   * @param connectTimeoutMs nullable: default 5000
   * @param firstTokenTimeoutMs nullable: default 60000; also the longest pause between pieces
   * @param totalTimeoutMs nullable: default 180000
   */
  public record Llm(
      @Nullable String url,
      @Nullable String model,
      @Nullable String apiKeyEnv,
      @Nullable Double temperature,
      @Nullable Integer maxTokens,
      @Nullable Long connectTimeoutMs,
      @Nullable Long firstTokenTimeoutMs,
      @Nullable Long totalTimeoutMs) {}

  /** Safeguards; absent values take {@link AgentLimits#DEFAULTS}. */
  public record Limits(
      @Nullable Integer hopLimit,
      @Nullable Integer maxConcurrent,
      @Nullable Integer perMinute,
      @Nullable Integer contextMessages,
      @Nullable Integer contextChars) {}

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  public Persona {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a persona needs a 'name'");
    }
    if (systemPrompt == null || systemPrompt.isBlank()) {
      throw new IllegalArgumentException("a persona needs a 'system_prompt'");
    }
    description = description == null ? "" : description;
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    rooms = rooms == null ? List.of() : List.copyOf(rooms);
    if (answer != null) {
      AnswerPolicy.parse(answer); // fail early on a typo
    }
  }

  /** Reads a persona file. */
  public static Persona read(Path file) throws IOException {
    try {
      com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(Files.readAllBytes(file));
      if (tree == null || !tree.isObject()) {
        throw new IOException("persona " + file + ": not a JSON object");
      }
      String unknown =
          unknownKey(tree, Persona.class, "")
              .or(() -> unknownKey(tree.path("llm"), Llm.class, "llm."))
              .or(() -> unknownKey(tree.path("limits"), Limits.class, "limits."))
              .orElse(null);
      if (unknown != null) {
        throw new IOException("persona " + file + ": unknown key '" + unknown + "'");
      }
      return JSON.treeToValue(tree, Persona.class);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new IOException("persona " + file + ": " + cause.getMessage(), e);
    }
  }

  /** A key of {@code node} that is no component of {@code type} (in snake_case), if any. */
  private static java.util.Optional<String> unknownKey(
      com.fasterxml.jackson.databind.JsonNode node, Class<?> type, String prefix) {
    if (!node.isObject()) {
      return java.util.Optional.empty();
    }
    java.util.Set<String> known = new java.util.HashSet<>();
    for (var c : type.getRecordComponents()) {
      known.add(c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
    }
    java.util.Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!known.contains(n)) {
        return java.util.Optional.of(prefix + n);
      }
    }
    return java.util.Optional.empty();
  }

  public AnswerPolicy answerPolicy() {
    return answer == null ? AnswerPolicy.MENTIONED : AnswerPolicy.parse(answer);
  }

  public AgentLimits agentLimits() {
    AgentLimits d = AgentLimits.DEFAULTS;
    if (limits == null) {
      return d;
    }
    return new AgentLimits(
        or(limits.hopLimit(), d.hopLimit()),
        or(limits.maxConcurrent(), d.maxConcurrent()),
        or(limits.perMinute(), d.perMinute()),
        or(limits.contextMessages(), d.contextMessages()),
        or(limits.contextChars(), d.contextChars()),
        d.answerTimeout());
  }

  /** Timeouts of the LLM calls from the file, or the defaults. */
  Duration timeout(@Nullable Long ms, Duration fallback) {
    return ms == null ? fallback : Duration.ofMillis(ms);
  }

  private static int or(@Nullable Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
