package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/**
 * Searches the user directory: users whose id or name contains {@code query} (case-insensitive),
 * optionally only of one {@code kind} ({@code human} or {@code agent}).
 */
public record DirectoryRequest(
    @Nullable String query, @Nullable String kind, @Nullable Integer limit) {}
