package io.gaimace.testing;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code nats-server} process for tests: a generated configuration, free ports on 127.0.0.1
 * and a temporary directory of its own (configuration, log, JetStream store).
 *
 * <pre>{@code
 * try (NatsServerProcess nats = NatsServerProcess.builder().websocket(true).start();
 *     Connection nc = Nats.connect(nats.clientUrl())) {
 *   nc.jetStreamManagement().addStream(StreamConfiguration.builder().name("S").build());
 *   nats.restart(); // same ports, configuration and store: the stream survives
 * }
 * }</pre>
 *
 * <p>{@link Builder#start()} returns when {@code /healthz} on the monitoring port answers 200, so
 * JetStream is ready. If the server exits or is not ready within 20 s, it throws a {@link
 * NatsServerException} whose message ends with the tail of the server's output and log. If the
 * first start fails because a port was taken in the meantime, it retries once on fresh ports;
 * {@link #restart()} always keeps the ports.
 *
 * <p>Lifecycle methods are synchronized; accessors may be read from any thread. A JVM shutdown hook
 * kills servers that were never closed and deletes their directories.
 */
public final class NatsServerProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NatsServerProcess.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
  private static final long POLL_MILLIS = 25;

  private final Path binary;
  private final String serverName;
  private final boolean jetStream;
  private final boolean websocket;
  private final String configFragment;
  private final ClusterSpec cluster;
  private final PortSource portSource;
  private final WorkDir workDir;

  private volatile int clientPort;
  private volatile int monitorPort;
  private volatile int websocketPort;
  private volatile Process process;
  private boolean everReady;
  private boolean retriedBind;
  private boolean closed;

  private NatsServerProcess(Builder builder) {
    this.binary = NatsBinary.resolve(builder.binary);
    this.serverName = builder.serverName;
    this.jetStream = builder.jetStream;
    this.websocket = builder.websocket;
    this.configFragment = builder.configFragment;
    this.cluster = builder.cluster;
    this.portSource = builder.portSource;
    this.workDir = WorkDir.create(serverName);
    ProcessReaper.register(this);
  }

  /**
   * A builder with JetStream on, WebSocket off, a random server name and no extra configuration.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The version of the {@code nats-server} that {@link #builder()} would run, e.g. {@code 2.10.27}.
   *
   * @throws NatsServerException if the binary is missing or does not answer
   */
  public static String version() {
    return NatsBinary.version(NatsBinary.resolve(null));
  }

  /** {@code nats://127.0.0.1:<clientPort>}, for {@code Nats.connect}. */
  public String clientUrl() {
    return "nats://" + ServerConfig.HOST + ":" + clientPort;
  }

  public int clientPort() {
    return clientPort;
  }

  /**
   * The HTTP monitoring port ({@code /healthz}, {@code /varz}, {@code /jsz}, {@code /connz}...).
   */
  public int monitorPort() {
    return monitorPort;
  }

  /** {@code http://127.0.0.1:<monitorPort>}. */
  public String monitorUrl() {
    return "http://" + ServerConfig.HOST + ":" + monitorPort;
  }

  /**
   * @throws IllegalStateException if WebSocket was not enabled with {@link Builder#websocket}
   */
  public int websocketPort() {
    if (!websocket) {
      throw new IllegalStateException("WebSocket is off: enable it with builder().websocket(true)");
    }
    return websocketPort;
  }

  /** {@code ws://127.0.0.1:<websocketPort>}; see {@link #websocketPort()}. */
  public String websocketUrl() {
    return "ws://" + ServerConfig.HOST + ":" + websocketPort();
  }

  /**
   * The configured {@code store_dir} (the server keeps its files in a {@code jetstream}
   * subdirectory).
   *
   * @throws IllegalStateException if JetStream is off
   */
  public Path storeDir() {
    if (!jetStream) {
      throw new IllegalStateException("JetStream is off on " + serverName);
    }
    return workDir.storeDir();
  }

  public Path configFile() {
    return workDir.configFile();
  }

  public Path logFile() {
    return workDir.logFile();
  }

  public String serverName() {
    return serverName;
  }

  public boolean isRunning() {
    Process current = process;
    return current != null && current.isAlive();
  }

  /** Stops the server with SIGTERM and waits for it to exit (SIGKILL after 15 s). No-op if down. */
  public synchronized void stop() {
    Process current = process;
    if (current == null || !current.isAlive()) {
      return;
    }
    current.destroy();
    if (!awaitExit(current, STOP_TIMEOUT)) {
      LOG.warn("{} did not stop within {}; killing it", serverName, STOP_TIMEOUT);
      current.destroyForcibly();
      awaitExit(current, STOP_TIMEOUT);
    }
  }

  /** Kills the server with SIGKILL, as a crash would, and waits for it to exit. No-op if down. */
  public synchronized void kill() {
    Process current = process;
    if (current == null || !current.isAlive()) {
      return;
    }
    current.destroyForcibly();
    awaitExit(current, STOP_TIMEOUT);
  }

  /**
   * Stops the server if it runs, then starts it again with the same ports, configuration and store
   * directory, and waits until it is healthy: acknowledged JetStream data is still there.
   */
  public synchronized void restart() {
    stop();
    launch();
    awaitReady(true);
  }

  /** Stops the server and deletes its temporary directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop();
    deleteWorkDir();
    ProcessReaper.unregister(this);
  }

  @Override
  public String toString() {
    return "NatsServerProcess[" + serverName + " " + clientUrl() + "]";
  }

  /**
   * At JVM shutdown, for a server never closed: kill it and delete its directory, taking no lock.
   */
  void reap() {
    Process current = process;
    if (current != null) {
      current.destroyForcibly();
      try {
        current.waitFor(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    deleteWorkDir();
  }

  /** Starts the process without waiting; the first call picks the ports. */
  synchronized void launch() {
    if (closed) {
      throw new IllegalStateException(serverName + " is closed");
    }
    if (isRunning()) {
      throw new IllegalStateException(serverName + " is already running");
    }
    if (clientPort == 0) {
      assignPorts();
    }
    spawn();
  }

  /**
   * Waits until {@code /healthz} answers 200 or, if {@code requireHealthy} is false, answers at all
   * (a cluster node without quorum never gets healthy).
   */
  synchronized void awaitReady(boolean requireHealthy) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    int status = Monitor.NO_ANSWER;
    while (System.nanoTime() < deadline) {
      Process current = process;
      if (!current.isAlive()) {
        if (!everReady && !retriedBind && workDir.logsContain("address already in use")) {
          retriedBind = true;
          LOG.warn(
              "{}: a port was taken before the server bound it; retrying on fresh ports", this);
          assignPorts();
          spawn();
          continue;
        }
        throw failure("exited with code " + current.exitValue() + " before it was ready");
      }
      status = Monitor.status(monitorPort, "/healthz");
      if (status == 200 || (!requireHealthy && status != Monitor.NO_ANSWER)) {
        everReady = true;
        LOG.debug("{} ready (log {})", this, workDir.logFile());
        return;
      }
      Monitor.pause(POLL_MILLIS);
    }
    throw failure(
        "not ready after " + READY_TIMEOUT.toSeconds() + " s (last /healthz: " + status + ")");
  }

  private void assignPorts() {
    int[] ports = portSource.allocate(websocket ? 3 : 2);
    clientPort = ports[0];
    monitorPort = ports[1];
    websocketPort = websocket ? ports[2] : 0;
    ServerConfig config =
        new ServerConfig(
            serverName,
            clientPort,
            monitorPort,
            workDir.logFile(),
            jetStream ? workDir.storeDir() : null,
            websocketPort,
            cluster,
            configFragment);
    workDir.write(workDir.configFile(), config.render());
  }

  private void spawn() {
    ProcessBuilder command =
        new ProcessBuilder(binary.toString(), "-c", workDir.configFile().toString())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(workDir.consoleFile().toFile()));
    try {
      process = command.start();
    } catch (IOException e) {
      throw new NatsServerException("cannot run " + binary + ": " + e.getMessage(), e);
    }
  }

  private void deleteWorkDir() {
    try {
      workDir.delete();
    } catch (IOException e) {
      LOG.warn("cannot delete {}", workDir.root(), e);
    }
  }

  private NatsServerException failure(String what) {
    return new NatsServerException(
        "nats-server "
            + serverName
            + " "
            + what
            + "; configuration "
            + configFile()
            + workDir.tails());
  }

  private static boolean awaitExit(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsServerException("interrupted while waiting for nats-server to exit", e);
    }
  }

  /** Settings of a {@link NatsServerProcess}; {@link #start()} starts it. */
  public static final class Builder {
    private boolean jetStream = true;
    private boolean websocket;
    private String serverName = "nats-" + UUID.randomUUID().toString().substring(0, 8);
    private String configFragment = "";
    private ClusterSpec cluster;
    private Path binary;
    private PortSource portSource = PortSource.free();

    private Builder() {}

    /** JetStream with a fresh store directory, 256 MB memory and 8 GB file storage (default on). */
    public Builder jetStream(boolean enabled) {
      this.jetStream = enabled;
      return this;
    }

    /** A plain-text, compressed WebSocket listener on a free port (default off). */
    public Builder websocket(boolean enabled) {
      this.websocket = enabled;
      return this;
    }

    /** The {@code server_name} (default {@code nats-<random>}). */
    public Builder serverName(String name) {
      this.serverName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Raw configuration appended to the generated file, e.g. {@code accounts {...}}, {@code
     * system_account}, {@code authorization { auth_callout {...} }} or {@code max_payload}.
     * Replaces an earlier fragment.
     */
    public Builder configFragment(String fragment) {
      this.configFragment = Objects.requireNonNull(fragment, "fragment");
      return this;
    }

    /**
     * The executable to run (default: {@code $NATS_SERVER_BIN}, else {@code nats-server} on {@code
     * PATH}).
     */
    public Builder binary(Path binary) {
      this.binary = Objects.requireNonNull(binary, "binary");
      return this;
    }

    Builder cluster(ClusterSpec cluster) {
      this.cluster = cluster;
      return this;
    }

    Builder portSource(PortSource portSource) {
      this.portSource = portSource;
      return this;
    }

    /**
     * Starts the server and waits until it is healthy.
     *
     * @throws NatsServerException if the binary is missing ("nats-server not found: run
     *     scripts/install-nats.sh..."), or the server exits or is not ready within 20 s
     */
    public NatsServerProcess start() {
      NatsServerProcess server = build();
      try {
        server.launch();
        server.awaitReady(true);
        return server;
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    }

    /** Creates the server without starting it. */
    NatsServerProcess build() {
      return new NatsServerProcess(this);
    }
  }
}
