/**
 * Setting up and running a Gaimace server: {@code gaimace init} writes the configuration and a
 * matching nats-server configuration; {@code gaimace server} runs an instance until a signal.
 */
package io.gaimace.cli.server;
