package io.gaimace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gaimace.protocol.Attachment;
import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.StreamStartRequest;
import io.gaimace.sdk.ClientOptions;
import io.gaimace.sdk.Gaimace;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.sdk.GaimaceException;
import io.gaimace.sdk.GaimaceListener;
import io.gaimace.server.GaimaceFixture;
import io.gaimace.server.config.Limits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two people chat in the web page in real headless Chromium (Debian's {@code /usr/bin/chromium},
 * driven by playwright-core from {@code src/test/e2e/chat.spec.mjs}), with each other and with a
 * Java SDK user, against a real NATS (WebSocket listener on) and Gaimace server. The script asks
 * this test to act as the SDK user over a line protocol on its stdin and stdout; see the script.
 * Skipped only when Chromium or Node.js is absent (scripts/install-chromium.sh installs it).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BrowserChatTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final AtomicReference<String> STREAM = new AtomicReference<>();

  /** Contents of the files the script and this test exchange, known to both. */
  private static final Map<String, String> FILES =
      Map.of(
          "notes.txt", "Gaimace notes\n".repeat(20_000),
          "dropped.txt", "dropped by bob\n",
          "report.txt", "Report from sage\n".repeat(5_000));

  @Test
  void twoBrowsersAndAnSdkClientChat() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM), "Chromium is not installed: scripts/install-chromium.sh");
    assumeTrue(onPath("node"), "Node.js is not installed");
    Path webDir = Path.of(System.getProperty("gaimace.web.dir", "src/main/web"));
    Path script = Path.of(System.getProperty("gaimace.web.e2e", "src/test/e2e"), "chat.spec.mjs");
    assertThat(webDir.resolve("node_modules/playwright-core")).isDirectory();

    try (GaimaceFixture env =
            GaimaceFixture.start(b -> b.limits(new Limits(16 * 1024, 100, 500, 1000, 1000)));
        WebServer web =
            WebServer.start(
                new WebConfig("127.0.0.1", 0, Optional.of(env.nats().websocketUrl())))) {
      addUser(env, "alice", "Alice Liddell", "human", "Curious about everything.");
      addUser(env, "bob", "Bob", "human", "Builds things.");
      addUser(env, "sage", "Sage", "agent", "Answers questions about the garden.");
      String alice = env.token("alice");
      String bob = env.token("bob");
      try (GaimaceClient sage =
          Gaimace.connect(
              ClientOptions.builder(env.token("sage")).server(env.nats().clientUrl()).build())) {
        List<ChatMessage> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        sage.addListener(
            new GaimaceListener() {
              @Override
              public void onMessage(ChatMessage m) {
                received.add(m);
              }
            });
        sage.blocking(WAIT)
            .createRoom(
                new CreateRoomRequest(
                    "lobby", "Lobby", "Say hello", "public", List.of("alice", "bob")));
        for (int i = 1; i <= 80; i++) {
          sage.send("lobby", "seed " + i).get(5, TimeUnit.SECONDS);
        }

        Path shots = Path.of(System.getProperty("gaimace.web.screenshots", "target/screenshots"));
        Files.createDirectories(shots);
        ProcessBuilder pb =
            new ProcessBuilder("node", script.toAbsolutePath().toString())
                .redirectErrorStream(true);
        pb.environment()
            .putAll(
                Map.of(
                    "WEB_URL", web.url(),
                    "ALICE_TOKEN", alice,
                    "BOB_TOKEN", bob,
                    "WEB_DIR", webDir.toAbsolutePath().toString(),
                    "SCREENSHOTS", shots.toAbsolutePath().toString(),
                    "CHROMIUM", CHROMIUM.toString(),
                    "FEATURES", features()));
        Process node = pb.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(
                    new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter in =
                new PrintWriter(node.getOutputStream(), true, StandardCharsets.UTF_8)) {
          for (String line; (line = out.readLine()) != null; ) {
            System.out.println("[e2e] " + line);
            output.add(line);
            if (line.startsWith("@sdk ")) {
              in.println(act(sage, received, line.substring(5)));
            }
          }
        } finally {
          if (!node.waitFor(30, TimeUnit.SECONDS)) {
            node.destroyForcibly();
          }
        }
        assertThat(node.exitValue())
            .as("the browser script failed; its output:%n%s", String.join("\n", output))
            .isZero();
        assertThat(output).contains("E2E PASSED");
        assertThat(received)
            .extracting(ChatMessage::content)
            .contains(
                "Hello from Alice 👋",
                "Hi Alice, Bob here",
                "Thanks, sage",
                "typed without a mouse");
      }
    }
  }

  /** One command of the script, done as the SDK user: "ok" or "fail <why>". */
  private static String act(GaimaceClient sage, List<ChatMessage> received, String command) {
    String[] p = command.split(" ", 4);
    try {
      switch (p[0]) {
        case "send" ->
            sage.send(p[1], command.substring(6 + p[1].length())).get(5, TimeUnit.SECONDS);
        case "dm" ->
            sage.sendDirect(p[1], command.substring(4 + p[1].length())).get(5, TimeUnit.SECONDS);
        case "file" -> { // file <dialogue> <name>: sage shares a file made of FILES.get(name)
          Path dir = Files.createTempDirectory("gaimace-e2e");
          Path file = Files.writeString(dir.resolve(p[2]), FILES.get(p[2]));
          sage.sendFile(p[1], file, "today's report").get(30, TimeUnit.SECONDS);
          Files.delete(file);
          Files.delete(dir);
        }
        case "fetch" -> { // fetch <name>: sage downloads the newest attachment of that name
          Attachment a =
              Awaitility.await()
                  .atMost(WAIT)
                  .until(() -> newestAttachment(received, p[1]), Optional::isPresent)
                  .orElseThrow();
          try (InputStream in = sage.download(a)) {
            String got = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!got.equals(FILES.get(p[1]))) {
              return "fail " + p[1] + " differs from what the browser uploaded";
            }
          }
        }
        case "stream-start" -> { // stream-start <dialogue> <text>: sage starts a reply stream
          String id =
              sage.startStream(new StreamStartRequest(p[1], null, null))
                  .get(5, TimeUnit.SECONDS)
                  .streamId();
          STREAM.set(id);
          sage.appendStream(id, command.substring(14 + p[1].length())).get(5, TimeUnit.SECONDS);
        }
        case "stream-end" -> { // stream-end <text>: sage appends the rest and ends the stream
          sage.appendStream(STREAM.get(), command.substring(11)).get(5, TimeUnit.SECONDS);
          sage.endStream(STREAM.get()).get(5, TimeUnit.SECONDS);
        }
        case "stream-cancelled" -> { // a browser user stopped the stream: appending is refused
          try {
            sage.appendStream(STREAM.get(), " and on").get(5, TimeUnit.SECONDS);
            return "fail the stream still takes appends";
          } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GaimaceException g) || !"conflict".equals(g.code())) {
              return "fail " + e.getCause();
            }
          }
        }
        case "expect" -> // expect <dialogue> <sender> <content>
            Awaitility.await()
                .atMost(WAIT)
                .until(
                    () ->
                        received.stream()
                            .anyMatch(
                                m ->
                                    m.dialogueId().equals(p[1])
                                        && m.sender().equals(p[2])
                                        && m.content().equals(p[3])));
        default -> {
          return "fail unknown command " + p[0];
        }
      }
      return "ok";
    } catch (Exception | AssertionError e) {
      return "fail " + e;
    }
  }

  /**
   * The protocol extensions this build's server has, by their API operations: the script tests
   * reactions, replies, edits and deletions ("rich") and files ("files") only with them.
   */
  private static String features() {
    List<String> on = new ArrayList<>();
    if (hasOperation("MESSAGE_REACT")) {
      on.add("rich");
    }
    if (hasOperation("FILE_UPLOAD_BEGIN")) {
      on.add("files");
    }
    if (hasOperation("STREAM_START")) {
      on.add("agents");
    }
    return String.join(",", on);
  }

  private static boolean hasOperation(String constant) {
    try {
      ApiSubjects.class.getField(constant);
      return true;
    } catch (NoSuchFieldException e) {
      return false;
    }
  }

  private static Optional<Attachment> newestAttachment(List<ChatMessage> received, String name) {
    return received.stream()
        .filter(m -> m.attachments() != null)
        .flatMap(m -> m.attachments().stream())
        .filter(x -> x.name().equals(name))
        .reduce((first, second) -> second);
  }

  private static void addUser(
      GaimaceFixture env, String id, String name, String kind, String description)
      throws Exception {
    GaimaceFixture.ok(
        GaimaceFixture.call(
            env.admin(),
            "admin.user.add",
            Map.of("user_id", id, "name", name, "kind", kind, "description", description)));
  }

  private static boolean onPath(String command) {
    try {
      return new ProcessBuilder(command, "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
