package io.gaimace.protocol.api;

/**
 * Gives a room member a role: {@code moderator} or {@code member} (only the owner may), or {@code
 * owner}, which hands the room over (the previous owner becomes a moderator).
 */
public record RoleRequest(String roomId, String userId, String role) {}
