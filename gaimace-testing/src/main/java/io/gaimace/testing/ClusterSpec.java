package io.gaimace.testing;

import java.util.List;

/**
 * The {@code cluster {}} block of one node.
 *
 * @param name the cluster name, the same on every node
 * @param port this node's route port
 * @param routes the route URLs of the other nodes, e.g. {@code nats-route://127.0.0.1:6222}
 */
record ClusterSpec(String name, int port, List<String> routes) {
  ClusterSpec {
    routes = List.copyOf(routes);
  }
}
