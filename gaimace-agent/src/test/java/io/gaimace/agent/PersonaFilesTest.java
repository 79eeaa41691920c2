package io.gaimace.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gaimace.agent.llm.LlmConfig;
import io.gaimace.agent.persona.Persona;
import io.gaimace.agent.persona.PersonaAgent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample personas load, the environment overrides the LLM, and mistakes are named. */
class PersonaFilesTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "personas");

  @Test
  void theSamplePersonasLoad() throws Exception {
    for (String name : new String[] {"sage", "quill"}) {
      Persona p = Persona.read(EXAMPLES.resolve(name + ".json"));
      assertThat(p.rooms()).containsExactly("lobby");
      assertThat(p.answerPolicy()).isEqualTo(AnswerPolicy.MENTIONED);
      assertThat(p.capabilities()).isNotEmpty();
    }
    Persona sage = Persona.read(EXAMPLES.resolve("sage.json"));
    assertThat(sage.agentLimits().hopLimit()).isEqualTo(3);
    assertThat(sage.agentLimits().perMinute()).isEqualTo(20);
  }

  @Test
  void theEnvironmentOverridesTheEndpoint() throws Exception {
    Persona sage = Persona.read(EXAMPLES.resolve("sage.json"));
    LlmConfig fromFile = PersonaAgent.llmConfig(sage, Map.of());
    assertThat(fromFile.completionsUrl().toString())
        .isEqualTo("http://localhost:11434/v1/chat/completions");
    LlmConfig overridden =
        PersonaAgent.llmConfig(
            sage,
            Map.of(
                "GAIMACE_LLM_URL", "http://localhost:8080/v1/",
                "GAIMACE_LLM_MODEL", "qwen2.5-0.5b",
                "GAIMACE_LLM_API_KEY", "k"));
    assertThat(overridden.completionsUrl().toString())
        .isEqualTo("http://localhost:8080/v1/chat/completions");
    assertThat(overridden.model()).isEqualTo("qwen2.5-0.5b");
    assertThat(overridden.apiKey()).isEqualTo("k");
  }

  @Test
  void mistakesAreNamed(@TempDir Path dir) throws Exception {
    Path typo =
        Files.writeString(dir.resolve("typo.json"), "{\"name\":\"X\",\"system_promt\":\"y\"}");
    assertThatThrownBy(() -> Persona.read(typo))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("system_promt");
    Path noPrompt = Files.writeString(dir.resolve("np.json"), "{\"name\":\"X\"}");
    assertThatThrownBy(() -> Persona.read(noPrompt)).hasMessageContaining("system_prompt");
    Path badAnswer =
        Files.writeString(
            dir.resolve("ba.json"),
            "{\"name\":\"X\",\"system_prompt\":\"y\",\"answer\":\"always\"}");
    assertThatThrownBy(() -> Persona.read(badAnswer)).hasMessageContaining("'mentioned', 'dm'");
    Path ok = Files.writeString(dir.resolve("ok.json"), "{\"name\":\"X\",\"system_prompt\":\"y\"}");
    Persona noLlm = Persona.read(ok);
    assertThatThrownBy(() -> PersonaAgent.llmConfig(noLlm, Map.of()))
        .hasMessageContaining("GAIMACE_LLM_URL");
  }
}
