package io.gaimace.server.config;

import io.nats.client.NKey;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server's secrets: the account nkey seed that signs user JWTs, the callout user's password,
 * and the password of the server's own connections. Created once by {@code gaimace init}.
 */
public record Secrets(String issuerSeed, String authPassword, String servicePassword) {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public String toString() {
    return "Secrets[redacted]";
  }

  /** Fresh random secrets. */
  public static Secrets generate() {
    try {
      NKey account = NKey.createAccount(RANDOM);
      return new Secrets(new String(account.getSeed()), randomPassword(), randomPassword());
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot create an account nkey", e);
    }
  }

  /** The signing key. */
  public NKey issuer() {
    return NKey.fromSeed(issuerSeed.toCharArray());
  }

  /** The public key of the signing account, for the nats-server configuration. */
  public String issuerPublicKey() {
    try {
      return new String(issuer().getPublicKey());
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("invalid issuer seed", e);
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
