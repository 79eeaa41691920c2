package io.gaimace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.sdk.ClientOptions;
import io.gaimace.sdk.Gaimace;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.sdk.GaimaceListener;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gaimace agent --persona FILE} runs a persona that answers through an LLM endpoint. */
class AgentCommandTest {
  @TempDir Path dir;

  /** A chat-completions endpoint streaming a fixed answer. */
  private static HttpServer llm() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/chat/completions",
        ex -> {
          try (ex) {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (String t : List.of("Hi", " from", " the CLI")) {
              String chunk = "{\"choices\":[{\"delta\":{\"content\":\"" + t + "\"}}]}";
              out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
              out.flush();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
          }
        });
    server.start();
    return server;
  }

  @Test
  void aPersonaAnswersAMention() throws Exception {
    HttpServer llm = llm();
    try (CliEnv env = CliEnv.start(dir)) {
      assertThat(env.admin("user", "add", "sage", "--kind", "agent").exitCode()).isZero();
      assertThat(env.admin("user", "add", "ann").exitCode()).isZero();
      Path sageToken =
          Files.writeString(
              dir.resolve("sage.token"), env.admin("token", "create", "sage").firstLine());
      String annToken = env.admin("token", "create", "ann").firstLine();
      Path persona =
          Files.writeString(
              dir.resolve("sage.json"),
              """
              {"name": "Sage", "description": "Test persona", "capabilities": ["testing"],
               "system_prompt": "You are terse.", "rooms": ["lobby"], "answer": "mentioned",
               "llm": {"url": "http://127.0.0.1:%d/v1", "model": "tiny"}}
              """
                  .formatted(llm.getAddress().getPort()));
      try (GaimaceClient ann =
          Gaimace.connect(ClientOptions.builder(annToken).server(env.natsUrl()).build())) {
        ann.blocking(Duration.ofSeconds(10))
            .createRoom(new CreateRoomRequest("lobby", null, null, "public", null));
        List<ChatMessage> seen = new CopyOnWriteArrayList<>();
        ann.addListener(
            new GaimaceListener() {
              @Override
              public void onMessage(ChatMessage m) {
                seen.add(m);
              }
            });
        Cli.Result[] result = new Cli.Result[1];
        Thread agent =
            new Thread(
                () ->
                    result[0] =
                        Cli.run(
                            "agent",
                            "--persona",
                            persona.toString(),
                            "--nats-url",
                            env.natsUrl(),
                            "--token-file",
                            sageToken.toString()));
        agent.start();
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> ann.members("lobby").get().stream().anyMatch(m -> m.userId().equals("sage")));
        ann.send("lobby", "@sage hello").get();
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> seen.stream().anyMatch(m -> m.sender().equals("sage")));
        ChatMessage answer = seen.stream().filter(m -> m.sender().equals("sage")).findFirst().get();
        assertThat(answer.content()).isEqualTo("Hi from the CLI");
        agent.interrupt();
        agent.join(10_000);
        assertThat(result[0].exitCode()).as(result[0].toString()).isZero();
        assertThat(result[0].out()).contains("Sage (@sage) is listening in [lobby]");
      }
    } finally {
      llm.stop(0);
    }
  }

  @Test
  void aBrokenPersonaFileIsAUsageError() throws Exception {
    Path persona = Files.writeString(dir.resolve("bad.json"), "{\"name\": \"X\", \"colour\": 1}");
    Cli.Result r =
        Cli.run("agent", "--persona", persona.toString(), "--token", "gmc_x.abcdefghijklmnop");
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("bad.json");
  }
}
