package io.gaimace.cli.agent;

import io.gaimace.agent.Agent;
import io.gaimace.agent.persona.Persona;
import io.gaimace.agent.persona.PersonaAgent;
import io.gaimace.cli.CommandFailure;
import io.gaimace.cli.ExitCode;
import io.gaimace.sdk.ClientOptions;
import io.gaimace.sdk.GaimaceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gaimace agent --persona FILE}: runs an LLM persona as the token's (agent) user until
 * stopped (Ctrl-C, SIGTERM). The LLM is any OpenAI-compatible chat-completions endpoint.
 */
@Command(
    name = "agent",
    description = {
      "Run an AI persona (a JSON file) as the token's agent user, answering with an",
      "OpenAI-compatible LLM endpoint (Ollama, llama.cpp server, vLLM) until stopped.",
      "GAIMACE_LLM_URL, GAIMACE_LLM_MODEL and GAIMACE_LLM_API_KEY override the file's llm."
    })
public final class AgentCommand implements Callable<Integer> {
  @Option(names = "--persona", required = true, paramLabel = "FILE", description = "persona file")
  Path persona;

  @Option(
      names = {"--nats-url", "--nats"},
      paramLabel = "URL",
      defaultValue = "${env:GAIMACE_NATS_URL:-nats://127.0.0.1:4222}",
      description = "NATS server (env GAIMACE_NATS_URL; default ${DEFAULT-VALUE})")
  String natsUrl;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "the agent's token (env GAIMACE_TOKEN); --token-file keeps it private")
  String token;

  @Option(names = "--token-file", paramLabel = "FILE", description = "file holding the token")
  Path tokenFile;

  @Option(
      names = "--replica",
      description = "share the work with other processes running the same agent user")
  boolean replica;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws CommandFailure {
    Persona p;
    try {
      p = Persona.read(persona);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ClientOptions options;
    try {
      options = ClientOptions.builder(token()).server(natsUrl).name("gaimace-agent").build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    Agent agent = start(p, options);
    AtomicBoolean stopped = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    // The hook itself closes the agent: the JVM halts as soon as the hooks are done.
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            agent.close();
          }
          done.countDown();
        };
    Thread hook = new Thread(stop, "gaimace-agent-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.printf(
        "%s (@%s) is listening in %s; answers %s. Ctrl-C stops it.%n",
        p.name(), agent.client().userId(), p.rooms(), p.answerPolicy().name().toLowerCase());
    out.flush();
    try {
      done.await();
    } catch (InterruptedException e) {
      // interrupted by an embedding caller (a test), not by a signal: stop now and return
      Runtime.getRuntime().removeShutdownHook(hook);
      stop.run();
    }
    return ExitCode.OK;
  }

  private Agent start(Persona p, ClientOptions options) throws CommandFailure {
    try {
      return PersonaAgent.start(p, options, System.getenv(), replica);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    } catch (GaimaceException e) {
      throw new CommandFailure(
          ExitCode.UNAVAILABLE, "cannot start the agent: " + e.getMessage(), e);
    }
  }

  private String token() {
    if (token != null && !token.isBlank()) {
      return token.strip();
    }
    if (tokenFile != null) {
      try {
        String text = Files.readString(tokenFile).strip();
        if (!text.isEmpty()) {
          return text;
        }
      } catch (IOException e) {
        throw new ParameterException(
            spec.commandLine(), "cannot read the token file " + tokenFile + ": " + e.getMessage());
      }
      throw new ParameterException(spec.commandLine(), "the token file " + tokenFile + " is empty");
    }
    String fromEnv = System.getenv("GAIMACE_TOKEN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    throw new ParameterException(
        spec.commandLine(),
        "no token: pass --token-file FILE or --token TOKEN, or set GAIMACE_TOKEN");
  }
}
