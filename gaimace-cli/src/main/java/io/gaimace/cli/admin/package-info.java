/**
 * Commands that call the Gaimace API over NATS as a user (usually the admin): {@code user}, {@code
 * token}, {@code room} and {@code whoami}. Each is one short-lived connection through {@link
 * io.gaimace.cli.admin.ApiClient}.
 */
package io.gaimace.cli.admin;
