package io.gaimace.cli.server;

import io.gaimace.cli.CommandFailure;
import io.gaimace.cli.ExitCode;
import io.gaimace.protocol.api.TokenCreated;
import io.gaimace.server.GaimaceServer;
import io.gaimace.server.config.ConfigLoader;
import io.gaimace.server.config.ServerConfig;
import io.gaimace.web.WebConfig;
import io.gaimace.web.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gaimace server}: runs one Gaimace server instance until SIGTERM or SIGINT, which close it
 * cleanly. On a new installation it creates the first admin and writes its token to a file only the
 * owner can read. Interrupting the calling thread also stops it (for embedding and tests).
 */
@Command(
    name = "server",
    description = {
      "Run a Gaimace server until SIGTERM or SIGINT.",
      "On first start it creates the admin user and writes its token to --admin-token-file."
    })
public final class ServerCommand implements Callable<Integer> {
  static final String ADMIN = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(ServerCommand.class);

  @Option(
      names = "--config",
      paramLabel = "FILE",
      defaultValue = ".gaimace/gaimace.properties",
      description = "configuration written by 'gaimace init' (default ${DEFAULT-VALUE})")
  Path config;

  @Option(
      names = "--admin-token-file",
      paramLabel = "FILE",
      description = "where to write the first admin's token (default admin.token beside --config)")
  Path adminTokenFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws CommandFailure {
    GaimaceServer server = start(load());
    WebServer web = startWeb(server);
    AtomicBoolean stopped = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            LOG.info("stopping");
            if (web != null) {
              web.close();
            }
            server.close();
            LOG.info("stopped");
          }
          done.countDown();
        };
    Thread hook = new Thread(stop, "gaimace-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      writeAdminToken(server.bootstrapAdmin(ADMIN));
      LOG.info(
          "serving; {}; stop with SIGTERM or Ctrl-C",
          server.httpPort() < 0
              ? "health endpoint disabled (http.port=-1)"
              : "health on http://127.0.0.1:" + server.httpPort() + "/healthz");
      done.await();
    } catch (InterruptedException e) {
      // Interrupted by an embedding caller, not by a signal: stop now and return.
      Runtime.getRuntime().removeShutdownHook(hook);
      stop.run();
    }
    return ExitCode.OK;
  }

  private ServerConfig load() throws CommandFailure {
    try {
      ServerConfig loaded = ConfigLoader.load(config);
      LOG.info(
          "configuration {}{}",
          config,
          Files.exists(config) ? "" : " (absent: environment variables only)");
      return loaded;
    } catch (IllegalArgumentException e) {
      String where = Files.exists(config) ? "in " + config : "no file " + config;
      throw new CommandFailure(
          ExitCode.REFUSED, "bad configuration (" + where + "): " + e.getMessage());
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.REFUSED, "cannot read " + config + ": " + e, e);
    }
  }

  private GaimaceServer start(ServerConfig cfg) throws CommandFailure {
    try {
      return GaimaceServer.start(cfg);
    } catch (IOException e) {
      if (causedBy(e, BindException.class)) {
        throw new CommandFailure(
            ExitCode.REFUSED,
            "cannot listen on http.port " + cfg.httpPort() + ": " + e.getMessage(),
            e);
      }
      throw new CommandFailure(
          ExitCode.UNAVAILABLE,
          "cannot start on NATS "
              + String.join(",", cfg.natsUrls())
              + ": "
              + e.getMessage()
              + ". Is nats-server running with the nats.conf from 'gaimace init'?"
              + " Check nats.urls in "
              + config,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure(ExitCode.REFUSED, "interrupted while starting");
    }
  }

  /** The chat page on web.port, or null when web.port is -1 or absent. */
  private WebServer startWeb(GaimaceServer server) throws CommandFailure {
    WebConfig web;
    try {
      web = WebConfig.load(config);
    } catch (IllegalArgumentException | IOException e) {
      server.close();
      throw new CommandFailure(ExitCode.REFUSED, "bad web configuration: " + e.getMessage(), e);
    }
    if (!web.enabled()) {
      return null;
    }
    try {
      WebServer started = WebServer.start(web);
      LOG.info("web client on {}", started.url());
      return started;
    } catch (IOException | IllegalStateException e) {
      server.close();
      throw new CommandFailure(
          ExitCode.REFUSED, "cannot serve the web client on web.port " + web.port() + ": " + e, e);
    }
  }

  private void writeAdminToken(Optional<TokenCreated> created) {
    if (created.isEmpty()) {
      LOG.info("users exist already: no admin token to write");
      return;
    }
    Path file = adminTokenFile != null ? adminTokenFile : siblingOf(config, "admin.token");
    try {
      PrivateFiles.write(file, created.get().token() + "\n");
      LOG.info(
          "created the first user '{}' with the admin role; its token is in {} (mode 600)",
          ADMIN,
          file.toAbsolutePath());
    } catch (IOException e) {
      LOG.error("cannot write the admin token to {}: {}; printing it on stdout once", file, e);
      PrintWriter out = spec.commandLine().getOut();
      out.println(created.get().token());
      out.flush();
    }
  }

  private static Path siblingOf(Path file, String name) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(name) : parent.resolve(name);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
