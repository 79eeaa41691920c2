package io.gaimace.cli.server;

import io.gaimace.cli.CommandFailure;
import io.gaimace.cli.ExitCode;
import io.gaimace.server.config.ConfigLoader;
import io.gaimace.server.config.Secrets;
import io.gaimace.web.WebConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gaimace init}: a new installation's {@code gaimace.properties} (fresh secrets) and the
 * {@code nats.conf} that matches it. It never replaces existing secrets unless told to.
 */
@Command(
    name = "init",
    description = {
      "Create DIR/gaimace.properties with fresh secrets and a matching DIR/nats.conf.",
      "Refuses to replace an existing configuration unless --force is given."
    })
public final class InitCommand implements Callable<Integer> {
  static final String CONFIG = "gaimace.properties";
  static final String NATS_CONF = "nats.conf";

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = ".gaimace",
      description = "where to write (default ${DEFAULT-VALUE})")
  Path dir;

  @Option(
      names = "--nats-url",
      paramLabel = "URL",
      description = "NATS URL(s) the Gaimace server connects to (default nats://127.0.0.1:PORT)")
  String natsUrl;

  @Option(
      names = "--port",
      defaultValue = "4222",
      description = "NATS client port (default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--ws-port",
      defaultValue = "9222",
      description = "NATS WebSocket port (default ${DEFAULT-VALUE})")
  int websocketPort;

  @Option(
      names = "--monitor-port",
      defaultValue = "8222",
      description = "NATS monitoring port (default ${DEFAULT-VALUE})")
  int monitorPort;

  @Option(names = "--force", description = "replace an existing configuration and its secrets")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws CommandFailure {
    checkPort("--port", port);
    checkPort("--ws-port", websocketPort);
    checkPort("--monitor-port", monitorPort);
    Path config = dir.resolve(CONFIG);
    Path natsConf = dir.resolve(NATS_CONF);
    if (Files.exists(config) && !force) {
      throw new CommandFailure(
          ExitCode.REFUSED,
          config
              + " exists already and holds this installation's secrets: not replacing it."
              + " Use --force to start over with new secrets (then restart nats-server and"
              + " the Gaimace server).");
    }
    String url = natsUrl != null ? natsUrl : "nats://" + NatsConf.HOST + ":" + port;
    Secrets secrets = Secrets.generate();
    NatsConf nats =
        new NatsConf(
            port,
            monitorPort,
            websocketPort,
            dir.toAbsolutePath().normalize().resolve("jetstream"));
    try {
      PrivateFiles.createDirectory(dir);
      ConfigLoader.writeInitial(config, url, secrets);
      Files.writeString(
          config, WebConfig.initialProperties(websocketPort), StandardOpenOption.APPEND);
      PrivateFiles.write(natsConf, nats.render(secrets));
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.REFUSED, "cannot write to " + dir + ": " + e, e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("wrote %s: the Gaimace server's configuration and secrets (mode 600)%n", config);
    out.printf(
        "wrote %s: nats-server with clients on %s:%d, WebSocket on %d, monitoring on %d,"
            + " JetStream in %s%n",
        natsConf, NatsConf.HOST, port, websocketPort, monitorPort, nats.storeDir());
    out.printf(
        "the web client will be on http://%s:%d/ (web.port in %s)%n",
        WebConfig.DEFAULT_HOST, WebConfig.DEFAULT_PORT, config);
    out.printf("next: nats-server -c %s   then   gaimace server --config %s%n", natsConf, config);
    out.flush();
    return ExitCode.OK;
  }

  private void checkPort(String option, int value) {
    if (value < 1 || value > 65535) {
      throw new ParameterException(
          spec.commandLine(), option + " must be a port between 1 and 65535, not " + value);
    }
  }
}
