package io.gaimace.testing;

import io.nats.client.support.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One look at a cluster's JetStream meta group through the monitoring ports of its running nodes.
 *
 * @param problem why JetStream is not ready, or {@code null} when it is
 * @param leaderKnown whether a running node says it is the meta leader
 * @param suspects running nodes that are unhealthy, or missing, offline or behind in the leader's
 *     view
 */
record MetaHealth(String problem, boolean leaderKnown, List<NatsServerProcess> suspects) {

  boolean ready() {
    return problem == null;
  }

  /**
   * Ready when every running node is healthy and the leader's meta group holds all nodes, with the
   * running ones online and current (else an R3 stream finds "no suitable peers for placement").
   */
  static MetaHealth probe(List<NatsServerProcess> running, int clusterSize) {
    List<NatsServerProcess> unhealthy = new ArrayList<>();
    Map<NatsServerProcess, JsonValue> metaByNode = new LinkedHashMap<>();
    for (NatsServerProcess node : running) {
      if (Monitor.status(node.monitorPort(), "/healthz") != 200) {
        unhealthy.add(node);
      }
      JsonValue jsz = Monitor.json(node.monitorPort(), "/jsz").orElse(JsonValue.NULL);
      metaByNode.put(node, Monitor.at(jsz, "meta_cluster"));
    }
    NatsServerProcess leader = null;
    for (Map.Entry<NatsServerProcess, JsonValue> entry : metaByNode.entrySet()) {
      if (entry.getKey().serverName().equals(Monitor.at(entry.getValue(), "leader").string)) {
        leader = entry.getKey();
      }
    }
    if (leader == null) {
      return new MetaHealth("no meta leader among " + running, false, unhealthy);
    }
    JsonValue leaderMeta = metaByNode.get(leader);
    Set<String> peers = new HashSet<>(Set.of(leader.serverName()));
    Set<String> offline = new HashSet<>();
    List<JsonValue> replicas = Monitor.at(leaderMeta, "replicas").array;
    for (JsonValue replica : replicas == null ? List.<JsonValue>of() : replicas) {
      String name = Monitor.at(replica, "name").string;
      peers.add(name);
      if (Boolean.TRUE.equals(Monitor.at(replica, "offline").bool)
          || !Boolean.TRUE.equals(Monitor.at(replica, "current").bool)) {
        offline.add(name);
      }
    }
    List<NatsServerProcess> suspects = new ArrayList<>(unhealthy);
    for (NatsServerProcess node : running) {
      String name = node.serverName();
      if (!unhealthy.contains(node) && (!peers.contains(name) || offline.contains(name))) {
        suspects.add(node);
      }
    }
    String about = "meta leader " + leader.serverName();
    Number size = Monitor.at(leaderMeta, "cluster_size").number;
    if (!unhealthy.isEmpty()) {
      return new MetaHealth(about + ", unhealthy " + unhealthy, true, suspects);
    }
    if (size == null || size.intValue() < clusterSize || !suspects.isEmpty()) {
      String detail = " has " + size + " of " + clusterSize + " peers " + peers;
      return new MetaHealth(about + detail + ", offline or behind " + offline, true, suspects);
    }
    return new MetaHealth(null, true, List.of());
  }
}
