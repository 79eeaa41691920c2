package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/** Admin: creates a user; {@code kind} is {@code human} (default) or {@code agent}. */
public record CreateUserRequest(
    String userId,
    @Nullable String name,
    @Nullable String kind,
    @Nullable String description,
    @Nullable Boolean admin) {}
