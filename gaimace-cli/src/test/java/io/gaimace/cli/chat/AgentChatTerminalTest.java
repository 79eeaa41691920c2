package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.agent.Agent;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.RoomInfo;
import io.gaimace.sdk.ClientOptions;
import io.gaimace.server.GaimaceFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent in {@code gaimace chat}, in a real terminal: its answer grows on the status line, the
 * stored message replaces it, {@code /cancel} stops one, and {@code /agents} and {@code /poll}
 * work.
 */
@Timeout(240)
class AgentChatTerminalTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String DONE = "\u0000done";

  @TempDir static Path dir;
  static GaimaceFixture env;

  @BeforeAll
  static void start() throws Exception {
    Tmux.requireInstalled();
    env = GaimaceFixture.start();
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void anAgentsAnswerGrowsAndCanBeCancelled() throws Exception {
    Path aliceToken = Files.writeString(dir.resolve("alice.token"), env.user("alice") + "\n");
    String scribeToken = env.user("scribe", "agent");
    GaimaceFixture.ok(
        GaimaceFixture.call(
            env.admin(),
            ApiSubjects.ROOM_CREATE,
            new CreateRoomRequest(
                "garden", "The Garden", null, RoomInfo.PUBLIC, List.of("alice", "scribe"))));
    BlockingQueue<String> gate = new LinkedBlockingQueue<>();
    try (Agent scribe =
            Agent.builder(ClientOptions.builder(scribeToken).server(env.nats().clientUrl()).build())
                .name("Scribe")
                .description("Writes stories")
                .capabilities("stories")
                .handler(
                    (ctx, reply) -> {
                      if (ctx.flow() != null) {
                        reply.append("a poll answer");
                        return;
                      }
                      reply.append(ctx.message().content().contains("again") ? "Twice" : "Once");
                      while (!reply.isCancelled()) {
                        String next = gate.poll(20, TimeUnit.SECONDS);
                        if (next == null || next.equals(DONE)) {
                          return;
                        }
                        reply.append(next);
                      }
                    })
                .start();
        Tmux tmux = Tmux.start(dir, ChatTerminalScripts.chat(dir, env, aliceToken))) {
      tmux.await(WAIT, s -> assertThat(s).contains("#garden").contains("● connected"));

      tmux.enter("@scribe tell me a story");
      tmux.await(WAIT, s -> assertThat(s).contains("Scribe ✎ Once"));
      gate.add(" upon a time");
      tmux.await(WAIT, s -> assertThat(s).contains("Scribe ✎ Once upon a time"));
      gate.add(DONE);
      tmux.await(
          WAIT,
          s ->
              assertThat(s)
                  // The stored answer replies to alice's message, so it carries the reply mark.
                  .containsPattern("\\d\\d:\\d\\d Scribe ↪ alice: Once upon a time")
                  .doesNotContain("✎"));

      tmux.enter("@scribe again please");
      tmux.await(WAIT, s -> assertThat(s).contains("Scribe ✎ Twice"));
      tmux.enter("/cancel");
      tmux.await(
          WAIT,
          s ->
              assertThat(s)
                  .contains("Scribe's answer was cancelled (by alice)")
                  .doesNotContain("✎"));

      tmux.enter("/agents");
      tmux.await(
          WAIT, s -> assertThat(s).contains("@scribe (Scribe) — Writes stories · skills: stories"));

      tmux.enter("/poll @scribe which story?");
      tmux.await(
          WAIT,
          s ->
              assertThat(s)
                  .contains("alice [poll → @scribe]: which story?")
                  .contains("Scribe ↪ alice [poll answer]: a poll answer"));
      assertThat(scribe.answered()).isEqualTo(3);

      tmux.enter("/quit");
      tmux.await(Duration.ofSeconds(60), s -> assertThat(s).contains("gaimace chat exited with 0"));
    }
  }
}
