/**
 * Requests and replies of the Gaimace API: what clients send to the Gaimace server on {@code
 * gaimace.api.<operation>} subjects and what it answers. Every reply that is not a success is the
 * protocol's {@link io.gaimace.protocol.ErrorMessage}. Field names on the wire are snake_case.
 */
package io.gaimace.protocol.api;
