package io.gaimace.testing;

import io.nats.client.support.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

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
 * <p>{@link #start(int)} and {@link Builder#start()} return when a JetStream meta leader is known
 * to every node, so replicated streams can be created at once. Node indexes are 0-based: {@code
 * node(0)} is {@code n1}. After stopping or starting nodes, {@link #awaitJetStreamReady()} waits
 * for a meta leader again; stream leaders are elected separately, so publishing to a stream whose
 * leader stopped fails for a few seconds. Lifecycle methods are synchronized.
 */
public final class NatsCluster implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
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
   * majority, waits until the node is healthy (caught up with the meta leader and its streams);
   * otherwise only until it answers, since no node can be healthy without quorum.
   */
  public synchronized void startNode(int index) {
    NatsServerProcess node = node(index);
    node.launch();
    node.awaitReady(hasQuorum());
  }

  /** {@link #awaitJetStreamReady(Duration)} with 30 s. */
  public void awaitJetStreamReady() {
    awaitJetStreamReady(READY_TIMEOUT);
  }

  /**
   * Waits until every running node is healthy and names the same running node as meta leader, and
   * that leader knows all nodes.
   *
   * @throws NatsServerException if a majority of nodes is down, or on timeout
   */
  public synchronized void awaitJetStreamReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<String> problem;
    do {
      if (!hasQuorum()) {
        throw new NatsServerException(
            "only "
                + running().size()
                + " of "
                + nodes.size()
                + " nodes run: JetStream needs a"
                + " majority");
      }
      problem = notReadyBecause();
      if (problem.isEmpty()) {
        return;
      }
      pause();
    } while (System.nanoTime() < deadline);
    throw new NatsServerException(
        "cluster "
            + name
            + ": JetStream not ready after "
            + timeout.toSeconds()
            + " s: "
            + problem.get());
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

  private Optional<String> notReadyBecause() {
    Map<String, JsonValue> jszByNode = new TreeMap<>();
    for (NatsServerProcess node : running()) {
      int health = Monitor.status(node.monitorPort(), "/healthz");
      if (health != 200) {
        return Optional.of(node.serverName() + " /healthz answers " + health);
      }
      jszByNode.put(
          node.serverName(), Monitor.json(node.monitorPort(), "/jsz").orElse(JsonValue.NULL));
    }
    Set<String> leaders =
        jszByNode.values().stream()
            .map(jsz -> Objects.toString(Monitor.at(jsz, "meta_cluster", "leader").string, ""))
            .collect(Collectors.toCollection(TreeSet::new));
    String leader = leaders.iterator().next();
    if (leaders.size() != 1 || !jszByNode.containsKey(leader)) {
      return Optional.of("meta leaders " + leaders + " seen by running " + jszByNode.keySet());
    }
    JsonValue size = Monitor.at(jszByNode.get(leader), "meta_cluster", "cluster_size");
    if (size.number == null || size.number.intValue() < nodes.size()) {
      return Optional.of(
          "meta leader " + leader + " knows " + size + " of " + nodes.size() + " peers");
    }
    return Optional.empty();
  }

  private List<NatsServerProcess> running() {
    return nodes.stream().filter(NatsServerProcess::isRunning).toList();
  }

  private boolean hasQuorum() {
    return running().size() > nodes.size() / 2;
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsServerException("interrupted while waiting for the cluster", e);
    }
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
     * @throws NatsServerException if a node fails to start or JetStream is not ready within 30 s
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
        servers.forEach(server -> server.awaitReady(true));
        cluster.awaitJetStreamReady();
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
