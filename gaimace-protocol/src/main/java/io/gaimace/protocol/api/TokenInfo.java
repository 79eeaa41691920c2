package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;
import java.time.Instant;

/** A token's record, without its secret. */
public record TokenInfo(
    String tokenId,
    String userId,
    @Nullable String label,
    Instant createdAt,
    @Nullable Instant expiresAt,
    boolean revoked) {}
