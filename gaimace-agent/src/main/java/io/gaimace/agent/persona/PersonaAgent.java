package io.gaimace.agent.persona;

import io.gaimace.agent.Agent;
import io.gaimace.agent.AgentFailure;
import io.gaimace.agent.AgentHandler;
import io.gaimace.agent.DialogueContext;
import io.gaimace.agent.ReplyStream;
import io.gaimace.agent.llm.ChatTurn;
import io.gaimace.agent.llm.LlmConfig;
import io.gaimace.agent.llm.OpenAiChatClient;
import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Flow;
import io.gaimace.sdk.ClientOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link Persona} as an {@link Agent}: each answer is the LLM's streamed completion of a
 * prompt made of the persona's system prompt and the dialogue's recent history (the agent's own
 * messages as {@code assistant}, everyone else's as {@code user} prefixed with their id).
 */
public final class PersonaAgent implements AgentHandler {
  private final Persona persona;
  private final OpenAiChatClient llm;

  public PersonaAgent(Persona persona, LlmConfig llm) {
    this.persona = persona;
    this.llm = new OpenAiChatClient(llm);
  }

  /** Starts the persona on a network; {@code env} supplies the {@code GAIMACE_LLM_*} overrides. */
  public static Agent start(
      Persona persona, ClientOptions options, Map<String, String> env, boolean replicas) {
    LlmConfig llm = llmConfig(persona, env);
    return Agent.builder(options)
        .name(persona.name())
        .description(persona.description())
        .avatar(persona.avatar())
        .capabilities(persona.capabilities())
        .model(llm.model())
        .rooms(persona.rooms())
        .answer(persona.answerPolicy())
        .limits(persona.agentLimits())
        .replicas(replicas)
        .handler(new PersonaAgent(persona, llm))
        .start();
  }

  /** The LLM settings: the persona file, overridden by {@code GAIMACE_LLM_URL} and friends. */
  public static LlmConfig llmConfig(Persona persona, Map<String, String> env) {
    Persona.Llm l =
        persona.llm() == null
            ? new Persona.Llm(null, null, null, null, null, null, null, null)
            : persona.llm();
    String url = env.getOrDefault("GAIMACE_LLM_URL", l.url());
    String model = env.getOrDefault("GAIMACE_LLM_MODEL", l.model());
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(
          "no LLM endpoint: set llm.url in the persona or GAIMACE_LLM_URL"
              + " (Ollama: http://localhost:11434/v1, llama.cpp: http://localhost:8080/v1)");
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("no model: set llm.model or GAIMACE_LLM_MODEL");
    }
    String key = env.get("GAIMACE_LLM_API_KEY");
    if (key == null && l.apiKeyEnv() != null) {
      key = env.get(l.apiKeyEnv());
    }
    return new LlmConfig(
        URI.create(url),
        model,
        key,
        l.temperature(),
        l.maxTokens(),
        persona.timeout(l.connectTimeoutMs(), Duration.ofSeconds(5)),
        persona.timeout(l.firstTokenTimeoutMs(), Duration.ofSeconds(60)),
        persona.timeout(l.totalTimeoutMs(), Duration.ofSeconds(180)));
  }

  @Override
  public void answer(DialogueContext context, ReplyStream reply) throws AgentFailure {
    try {
      llm.complete(prompt(context), reply::append, reply::isCancelled);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AgentFailure("agent_stopped", "the agent was stopped", e);
    }
  }

  /** The system prompt, then the history as chat turns. */
  List<ChatTurn> prompt(DialogueContext context) {
    String me = context.self().userId();
    StringBuilder system = new StringBuilder(persona.systemPrompt().strip());
    system
        .append("\n\nYou are ")
        .append(persona.name())
        .append(" (@")
        .append(me)
        .append(") in a chat ")
        .append(context.direct() ? "with one person" : "room '" + context.dialogueId() + "'")
        .append(". Messages from others start with their user id. Answer the last one briefly.");
    Flow flow = context.flow();
    if (flow != null && flow.kind().equals(Flow.CHAIN) && flow.step() > 1) {
      system.append(" Earlier agents answered before you: build on their answers.");
    }
    List<ChatTurn> turns = new ArrayList<>();
    turns.add(ChatTurn.system(system.toString()));
    for (ChatMessage m : context.history()) {
      turns.add(
          m.sender().equals(me)
              ? ChatTurn.assistant(m.content())
              : ChatTurn.user(m.sender() + ": " + m.content()));
    }
    return turns;
  }
}
