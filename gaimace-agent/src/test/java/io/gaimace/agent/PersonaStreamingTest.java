package io.gaimace.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gaimace.agent.persona.Persona;
import io.gaimace.agent.persona.PersonaAgent;
import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.StreamEvent;
import io.gaimace.sdk.GaimaceClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A persona backed by a fake OpenAI-compatible server streams its answers into a real Gaimace
 * network: assembled exactly, caught up by late clients, cancellable, and LLM failures become error
 * notices without stopping the agent.
 */
class PersonaStreamingTest {
  private static Net net;
  private static FakeLlm llm;
  private static GaimaceClient ann;
  private static Watcher annSees;
  private static Agent sage;

  @BeforeAll
  static void start() throws Exception {
    net = new Net();
    llm = new FakeLlm();
    ann = net.human("ann");
    annSees = new Watcher();
    ann.addListener(annSees);
    Persona persona =
        new Persona(
            "Sage",
            "Answers questions about the garden.",
            null,
            List.of("gardening", "botany"),
            "You are Sage, a gardener.",
            List.of(Net.ROOM),
            "mentioned",
            new Persona.Llm(null, null, null, null, null, 2000L, 1500L, 20_000L),
            null);
    sage =
        net.track(
            PersonaAgent.start(
                persona,
                net.options(net.agentToken("sage")),
                Map.of("GAIMACE_LLM_URL", llm.baseUrl(), "GAIMACE_LLM_MODEL", "tiny"),
                false));
  }

  @AfterAll
  static void stop() throws Exception {
    llm.close();
    net.close();
  }

  private static ChatMessage nextFrom(String sender, int before) {
    await().atMost(Duration.ofSeconds(20)).until(() -> annSees.from(sender).size() > before);
    return annSees.from(sender).get(before);
  }

  @Test
  void aMentionIsAnsweredWithAStreamAssembledExactly() throws Exception {
    llm.tokens("Water", " them", " at dawn", " 🌱", ".");
    int before = annSees.from("sage").size();
    ann.send(Net.ROOM, "@sage when should I water my tomatoes?").get();
    ChatMessage answer = nextFrom("sage", before);

    assertThat(answer.content()).isEqualTo("Water them at dawn 🌱.");
    assertThat(answer.agent().streamId()).isNotNull();
    assertThat(answer.agent().hops()).isEqualTo(1);
    String stream = answer.agent().streamId();
    await().until(() -> annSees.has(stream, StreamEvent.DONE));
    assertThat(annSees.assembled(stream)).isEqualTo(answer.content());
    // the LLM saw the system prompt and the question, with its author
    var request = llm.requests().get(llm.requests().size() - 1);
    assertThat(request.get("stream").asBoolean()).isTrue();
    assertThat(request.get("model").asText()).isEqualTo("tiny");
    assertThat(request.get("messages").get(0).get("content").asText()).contains("gardener");
    assertThat(request.toString()).contains("ann: @sage when should I water my tomatoes?");
    // the profile of the agent carries the persona
    var profile = ann.profile("sage").get();
    assertThat(profile.capabilities()).containsExactly("gardening", "botany");
    assertThat(profile.model()).isEqualTo("tiny");
  }

  @Test
  void aLateClientCatchesUpAndAHumanCanCancel() throws Exception {
    llm.mode(FakeLlm.Mode.GATED);
    int seen = annSees.streams.size();
    ann.send(Net.ROOM, "@Sage tell me a long story").get();
    await().until(() -> annSees.streams.size() > seen);
    String stream = annSees.streams.get(seen).streamId();
    assertThat(annSees.streams.get(seen).state()).isEqualTo(StreamEvent.OPEN);
    llm.release("Once");
    llm.release(" upon");
    await().until(() -> annSees.assembled(stream).equals("Once upon"));

    // bob arrives mid-stream: the list gives him the text so far, then he sees it grow
    GaimaceClient bob = net.human("bob");
    Watcher bobSees = new Watcher();
    bob.addListener(bobSees);
    List<StreamEvent> open = bob.openStreams(Net.ROOM).get();
    assertThat(open).extracting(StreamEvent::streamId).contains(stream);
    assertThat(
            open.stream().filter(e -> e.streamId().equals(stream)).findFirst().orElseThrow().text())
        .isEqualTo("Once upon");
    llm.release(" a time");
    await().until(() -> bobSees.assembled(stream).equals(" a time"));

    // bob (a human member) cancels: nothing is stored, the agent stops
    bob.cancelStream(stream).get();
    await().until(() -> annSees.has(stream, StreamEvent.CANCELLED));
    StreamEvent cancelled =
        annSees.streams.stream()
            .filter(e -> e.streamId().equals(stream) && e.state().equals("cancelled"))
            .findFirst()
            .orElseThrow();
    assertThat(cancelled.by()).isEqualTo("bob");
    assertThat(cancelled.text()).isEqualTo("Once upon a time");
    llm.release(" there was"); // the agent has stopped listening: this goes nowhere
    llm.release(null);
    await()
        .during(Duration.ofMillis(800))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                ann.history(Net.ROOM, null, 50).get().messages().stream()
                    .noneMatch(m -> m.agent() != null && stream.equals(m.agent().streamId())));
    assertThat(bob.openStreams(Net.ROOM).get())
        .extracting(StreamEvent::streamId)
        .doesNotContain(stream);
    llm.tokens("ok");
  }

  @Test
  void llmErrorsAndTimeoutsBecomeErrorNoticesAndTheAgentKeepsGoing() throws Exception {
    llm.mode(FakeLlm.Mode.ERROR_500);
    int before = annSees.from("sage").size();
    ann.send(Net.ROOM, "@sage are you there?").get();
    ChatMessage error = nextFrom("sage", before);
    assertThat(error.agent().error()).isEqualTo("llm_error");
    assertThat(error.content()).contains("Sage could not answer").contains("HTTP 500");

    llm.mode(FakeLlm.Mode.SILENT);
    ann.send(Net.ROOM, "@sage hello?").get();
    ChatMessage timeout = nextFrom("sage", before + 1);
    assertThat(timeout.agent().error()).isEqualTo("llm_timeout");

    llm.tokens("Still", " here");
    ann.send(Net.ROOM, "@sage and now?").get();
    assertThat(nextFrom("sage", before + 2).content()).isEqualTo("Still here");
  }

  @Test
  void messagesThatDoNotMentionTheAgentAreNotAnswered() throws Exception {
    llm.tokens("no");
    int requests = llm.requests().size();
    ann.send(Net.ROOM, "just chatting, no agents needed").get();
    ann.send(Net.ROOM, "@sagebrush is a plant, not an agent").get();
    await()
        .during(Duration.ofMillis(700))
        .atMost(Duration.ofSeconds(3))
        .until(() -> llm.requests().size() == requests);
  }
}
