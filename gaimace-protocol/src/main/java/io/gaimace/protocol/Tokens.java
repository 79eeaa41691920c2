package io.gaimace.protocol;

import java.util.Optional;

/**
 * The shape of a Gaimace login token: {@code gmc_<user_id>.<secret>}. The user id in clear lets a
 * client set its per-user reply inbox ({@code _INBOX_<user_id>}) before it connects; the secret
 * (192 random bits) is what authenticates, and the server keeps only a hash of the whole token.
 */
public final class Tokens {
  /** Every token starts with this. */
  public static final String PREFIX = "gmc_";

  private Tokens() {}

  /** Builds a token from a user id and an encoded secret (which must not contain a dot). */
  public static String of(String userId, String secret) {
    Ids.requireValid(userId, "user id");
    if (secret.isEmpty() || secret.indexOf('.') >= 0) {
      throw new IllegalArgumentException("a token secret must be non-empty and contain no '.'");
    }
    return PREFIX + userId + "." + secret;
  }

  /** The user id a token names, if it has the token shape. */
  public static Optional<String> userIdOf(String token) {
    if (token == null || !token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int dot = token.indexOf('.', PREFIX.length());
    if (dot < 0 || dot == token.length() - 1) {
      return Optional.empty();
    }
    String user = token.substring(PREFIX.length(), dot);
    return Ids.isValid(user) ? Optional.of(user) : Optional.empty();
  }
}
