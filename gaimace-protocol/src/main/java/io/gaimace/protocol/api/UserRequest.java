package io.gaimace.protocol.api;

/** Names a user. */
public record UserRequest(String userId) {}
