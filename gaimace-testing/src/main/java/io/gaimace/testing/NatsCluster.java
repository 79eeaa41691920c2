package io.gaimace.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JetStream cluster of real {@code nats-server} processes on 127.0.0.1: nodes {@code n1..nN},
 * each with its own ports and store, routed to all the others.
 *
 * <pre>{@code
 * try (NatsCluster cluster = NatsCluster.start(3);
 *     Connection nc = Nats.connect(cluster.clientUrl())) { // every node's URL
 *   nc.jetStreamManagement().addStream(StreamConfiguration.builder().name("S").replicas(3).build());
 *   cluster.stopNode(0); // n1 down; the stream keeps working on two of three
 *   cluster.startNode(0);
 * }
 * }</pre>
 *
 * <p>{@link #start(int)} and {@link Builder#start()} return when JetStream is ready: every node is
 * healthy and in the meta group, so replicated streams can be created at once (under a second
 * normally). Node indexes are 0-based: {@code node(0)} is {@code n1}. After stopping or starting
 * nodes, {@link #awaitJetStreamReady()} waits for the meta group again; stream leaders are elected
 * separately, so publishing to a stream whose leader died can fail for a few seconds.
 *
 * <p>nats-server 2.10 sometimes loses what a node announces over a route when nodes connect at the
 * same moment (a few percent of fresh clusters on a 2-core machine): that node never hears the meta
 * leader, or the leader never adds it to the meta group (R3 streams then fail with "no suitable
 * peers for placement"), or no leader is elected. Restarting those nodes clears it, so {@link
 * #start(int)} and {@link #startNode(int)} restart nodes that stay stuck (3 s with a leader, 12 s
 * without one, since an election legitimately takes 4 to 9 s), at most twice and with a warning in
 * the log. {@link #awaitJetStreamReady()} only waits. Lifecycle methods are synchronized.
 */
public final class NatsCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NatsCluster.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration FORMATION_TIMEOUT = Duration.ofSeconds(45);
  private static final Duration PATIENCE_WITH_LEADER = Duration.ofSeconds(3);
  private static final Duration PATIENCE_WITHOUT_LEADER = Duration.ofSeconds(12);
  private static final int MAX_RECOVERIES = 2;
  private static final long POLL_MILLIS = 50;

  private final String name;
  private final List<NatsServerProcess> nodes;

  private NatsCluster(String name, List<NatsServerProcess> nodes) {
    this.name = name;
    this.nodes = List.copyOf(nodes);
  }

  /** Starts a cluster of {@code nodes} servers and waits until JetStream is ready. */
  public static NatsCluster start(int nodes) {
    return builder().nodes(nodes).start();
  }

  /** A builder for a 3-node cluster without extra configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /** The cluster name, random per cluster. */
  public String name() {
    return name;
  }

  /** The node at a 0-based index: {@code node(0)} is {@code n1}. */
  public NatsServerProcess node(int index) {
    return nodes.get(index);
  }

  public List<NatsServerProcess> nodes() {
    return nodes;
  }

  /** Every node's client URL, for jnats {@code Options.Builder.servers(...)}. */
  public List<String> clientUrls() {
    return nodes.stream().map(NatsServerProcess::clientUrl).toList();
  }

  /** Every node's client URL joined by commas, for {@code Nats.connect(String)}. */
  public String clientUrl() {
    return String.join(",", clientUrls());
  }

  /** Stops a node with SIGTERM; see {@link NatsServerProcess#stop()}. */
  public synchronized void stopNode(int index) {
    node(index).stop();
  }

  /** Kills a node with SIGKILL; see {@link NatsServerProcess#kill()}. */
  public synchronized void killNode(int index) {
    node(index).kill();
  }

  /**
   * Starts a stopped node again with the same ports and store. When the running nodes then form a
   * majority, waits as {@link #awaitJetStreamReady()} does (restarting a node that stays stuck, see
   * the class comment); otherwise only until the node answers, since no node can be healthy without
   * quorum.
   */
  public synchronized void startNode(int index) {
    NatsServerProcess node = node(index);
    node.launch();
    node.awaitReady(false);
    if (hasQuorum()) {
      awaitFormed();
    }
  }

  /** {@link #awaitJetStreamReady(Duration)} with 30 s. */
  public void awaitJetStreamReady() {
    awaitJetStreamReady(READY_TIMEOUT);
  }

  /**
   * Waits until every running node is healthy (so current with the meta leader) and the leader's
   * meta group holds all nodes. Restarts nothing.
   *
   * @throws NatsServerException if a majority of nodes is down, or on timeout
   */
  public synchronized void awaitJetStreamReady(Duration timeout) {
    awaitReady(timeout, 0);
  }

  /** Stops every node and deletes their directories. */
  @Override
  public synchronized void close() {
    nodes.forEach(NatsServerProcess::close);
  }

  @Override
  public String toString() {
    return "NatsCluster[" + name + " " + clientUrl() + "]";
  }

  /** Waits for JetStream, restarting stuck nodes (see the class comment). */
  private void awaitFormed() {
    awaitReady(FORMATION_TIMEOUT, MAX_RECOVERIES);
  }

  private void awaitReady(Duration timeout, int maxRecoveries) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long stuckSince = System.nanoTime();
    int recoveries = 0;
    while (true) {
      MetaHealth health = MetaHealth.probe(runningWithQuorum(), nodes.size());
      if (health.ready()) {
        return;
      }
      long now = System.nanoTime();
      Duration patience = health.leaderKnown() ? PATIENCE_WITH_LEADER : PATIENCE_WITHOUT_LEADER;
      if (recoveries < maxRecoveries
          && now - stuckSince > patience.toNanos()
          && !health.suspects().isEmpty()) {
        LOG.warn(
            "cluster {}: {}; restarting {} (nats-server 2.10 route race, see NatsCluster)",
            name,
            health.problem(),
            health.suspects());
        health.suspects().forEach(NatsCluster::relaunch);
        recoveries++;
        stuckSince = System.nanoTime();
      } else if (now > deadline) {
        throw new NatsServerException(
            "cluster "
                + name
                + ": JetStream not ready after "
                + timeout.toSeconds()
                + " s: "
                + health.problem());
      } else {
        Monitor.pause(POLL_MILLIS);
      }
    }
  }

  private static void relaunch(NatsServerProcess node) {
    node.stop();
    node.launch();
    node.awaitReady(false);
  }

  private List<NatsServerProcess> runningWithQuorum() {
    List<NatsServerProcess> running = running();
    if (running.size() <= nodes.size() / 2) {
      throw new NatsServerException(
          "only "
              + running.size()
              + " of "
              + nodes.size()
              + " nodes run: JetStream needs a"
              + " majority");
    }
    return running;
  }

  private List<NatsServerProcess> running() {
    return nodes.stream().filter(NatsServerProcess::isRunning).toList();
  }

  private boolean hasQuorum() {
    return running().size() > nodes.size() / 2;
  }

  /** Settings of a {@link NatsCluster}; {@link #start()} starts it. */
  public static final class Builder {
    private int nodes = 3;
    private String configFragment = "";

    private Builder() {}

    /** How many servers (default 3, at least 2). */
    public Builder nodes(int nodes) {
      if (nodes < 2) {
        throw new IllegalArgumentException(
            "a cluster needs 2 or more nodes; use NatsServerProcess");
      }
      this.nodes = nodes;
      return this;
    }

    /**
     * Raw configuration appended on every node; see {@link
     * NatsServerProcess.Builder#configFragment}.
     */
    public Builder configFragment(String fragment) {
      this.configFragment = Objects.requireNonNull(fragment, "fragment");
      return this;
    }

    /**
     * Starts all nodes and waits until JetStream is ready.
     *
     * @throws NatsServerException if a node fails to start or JetStream is not ready within 45 s
     */
    public NatsCluster start() {
      String name = "gaimace-" + UUID.randomUUID().toString().substring(0, 8);
      // Reserve every port at once so that no node picks a port another node is about to bind.
      int[] ports = PortSource.free().allocate(3 * nodes);
      List<NatsServerProcess> servers = new ArrayList<>();
      try {
        for (int i = 0; i < nodes; i++) {
          servers.add(node(name, i, ports));
        }
        NatsCluster cluster = new NatsCluster(name, servers);
        servers.forEach(NatsServerProcess::launch);
        servers.forEach(server -> server.awaitReady(false));
        cluster.awaitFormed();
        return cluster;
      } catch (RuntimeException e) {
        servers.forEach(NatsServerProcess::close);
        throw e;
      }
    }

    /** Node {@code i} gets route port {@code ports[i]} and client and monitor ports after them. */
    private NatsServerProcess node(String name, int i, int[] ports) {
      List<String> routes = new ArrayList<>();
      for (int j = 0; j < nodes; j++) {
        if (j != i) {
          routes.add("nats-route://" + ServerConfig.HOST + ":" + ports[j]);
        }
      }
      int client = ports[nodes + 2 * i];
      int monitor = ports[nodes + 2 * i + 1];
      return NatsServerProcess.builder()
          .serverName("n" + (i + 1))
          .configFragment(configFragment)
          .cluster(new ClusterSpec(name, ports[i], routes))
          .portSource(PortSource.presetThenFree(client, monitor))
          .build();
    }
  }
}
