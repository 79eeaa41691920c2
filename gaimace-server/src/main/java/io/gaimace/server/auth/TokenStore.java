package io.gaimace.server.auth;

import io.gaimace.protocol.Tokens;
import io.gaimace.protocol.api.TokenCreated;
import io.gaimace.protocol.api.TokenInfo;
import io.gaimace.server.nats.Buckets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Issues, checks and revokes login tokens ({@link Tokens}: the user id and 192 random bits); only
 * its SHA-256 is stored (the KV key), so a leaked bucket does not leak tokens. Its id, shown in
 * lists and used to revoke it, is the first 12 hex digits of that hash.
 */
public final class TokenStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Buckets<TokenRecord> tokens;
  private final Clock clock;

  public TokenStore(Buckets<TokenRecord> tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  public TokenCreated create(String userId, String label, Duration ttl) {
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    String token =
        Tokens.of(userId, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    String hash = hash(token);
    Instant now = clock.instant();
    Instant expires = ttl == null ? null : now.plus(ttl);
    TokenRecord record = new TokenRecord(idOf(hash), userId, label, now, expires, false);
    tokens.put(hash, record);
    return new TokenCreated(record.tokenId(), userId, token, expires);
  }

  /** The token's record if the token exists, is not revoked and has not expired. */
  public Optional<TokenRecord> authenticate(String token) {
    if (token == null || token.length() > 200 || Tokens.userIdOf(token).isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return tokens.get(hash(token)).filter(r -> r.usableAt(now));
  }

  /** Revokes a token by id; returns its record, or empty when no token has that id. */
  public Optional<TokenRecord> revoke(String tokenId) {
    for (String key : tokens.keys(">")) {
      if (idOf(key).equals(tokenId)) {
        Optional<TokenRecord> record = tokens.get(key);
        record.ifPresent(r -> tokens.put(key, r.revoke()));
        return record;
      }
    }
    return Optional.empty();
  }

  /** Revokes every token of a user (when the user is removed). */
  public void revokeAll(String userId) {
    for (String key : tokens.keys(">")) {
      tokens
          .get(key)
          .filter(r -> r.userId().equals(userId))
          .ifPresent(r -> tokens.put(key, r.revoke()));
    }
  }

  /** Every token, or those of one user; newest first. */
  public List<TokenInfo> list(String userIdOrNull) {
    return tokens.values(">").stream()
        .filter(r -> userIdOrNull == null || r.userId().equals(userIdOrNull))
        .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
        .map(
            r ->
                new TokenInfo(
                    r.tokenId(), r.userId(), r.label(), r.createdAt(), r.expiresAt(), r.revoked()))
        .toList();
  }

  static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String idOf(String hash) {
    return hash.substring(0, 12);
  }
}
