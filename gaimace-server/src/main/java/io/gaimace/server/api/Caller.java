package io.gaimace.server.api;

/**
 * Who sent a request, as the NATS server says in the {@code Nats-Request-Info} header it sets on
 * requests crossing the CHAT→SVC service import (a client cannot forge it), with the request's id
 * for logs and error replies.
 */
public record Caller(String userId, String requestId) {}
