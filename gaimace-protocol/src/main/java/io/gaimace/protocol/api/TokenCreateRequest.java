package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/** Admin: creates a token for a user, valid for {@code ttlSeconds} (absent: no expiry). */
public record TokenCreateRequest(
    String userId, @Nullable String label, @Nullable Long ttlSeconds) {}
