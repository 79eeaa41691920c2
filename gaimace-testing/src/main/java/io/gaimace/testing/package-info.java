/**
 * Real {@code nats-server} processes for tests: never mock NATS.
 *
 * <ul>
 *   <li>{@link io.gaimace.testing.NatsServerProcess}: one server with JetStream (default), optional
 *       WebSocket and any extra configuration (accounts, auth callout...), on free loopback ports;
 *       {@code restart()} keeps ports and data, {@code kill()} simulates a crash.
 *   <li>{@link io.gaimace.testing.NatsCluster}: a routed JetStream cluster (3 nodes by default) for
 *       replicated streams and failover tests.
 * </ul>
 *
 * <p>Both are {@link java.lang.AutoCloseable}: use them in try-with-resources, or start one per
 * test class in {@code @BeforeAll} and close it in {@code @AfterAll}. They start the binary named
 * by {@code NATS_SERVER_BIN}, else {@code nats-server} on {@code PATH} ({@code
 * scripts/install-nats.sh} installs it). Failures throw {@link
 * io.gaimace.testing.NatsServerException} with the tail of the server's log. Each server keeps its
 * configuration, log and store in its own temporary directory, deleted on close.
 */
package io.gaimace.testing;
