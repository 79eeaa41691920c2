package io.gaimace.protocol.api;

/** Admin: revokes a token by its id; the user's connections that used it are closed. */
public record TokenRevokeRequest(String tokenId) {}
