package io.gaimace.server.auth;

import io.gaimace.protocol.Nullable;
import java.time.Instant;

/** What is stored of a token, keyed by the SHA-256 of its secret. The secret itself is not. */
public record TokenRecord(
    String tokenId,
    String userId,
    @Nullable String label,
    Instant createdAt,
    @Nullable Instant expiresAt,
    boolean revoked) {

  boolean usableAt(Instant now) {
    return !revoked && (expiresAt == null || now.isBefore(expiresAt));
  }

  TokenRecord revoke() {
    return new TokenRecord(tokenId, userId, label, createdAt, expiresAt, true);
  }
}
