package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;
import java.time.Instant;

/** A new token. The secret {@code token} is shown this once; the server keeps only its hash. */
public record TokenCreated(
    String tokenId, String userId, String token, @Nullable Instant expiresAt) {}
