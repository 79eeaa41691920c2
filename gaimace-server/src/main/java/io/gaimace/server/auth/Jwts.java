package io.gaimace.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.protocol.ProtocolCodec;
import io.nats.client.NKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** Reads the JWT that nats-server sends to the auth callout, after checking its signature. */
final class Jwts {
  private Jwts() {}

  /**
   * The claims of a JWT signed by a NATS server nkey ({@code iss} must be a server public key).
   *
   * @throws SecurityException when the token is malformed or its signature does not verify
   */
  static JsonNode verifiedServerClaims(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw new SecurityException("authorization request is not a JWT");
    }
    Base64.Decoder b64 = Base64.getUrlDecoder();
    JsonNode claims;
    try {
      claims = ProtocolCodec.mapper().readTree(b64.decode(parts[1]));
    } catch (IOException | IllegalArgumentException e) {
      throw new SecurityException("authorization request has unreadable claims", e);
    }
    String issuer = claims.path("iss").asText("");
    if (!NKey.isValidPublicServerKey(issuer.toCharArray())) {
      throw new SecurityException("authorization request is not signed by a server key");
    }
    try {
      NKey server = NKey.fromPublicKey(issuer.toCharArray());
      byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
      if (!server.verify(signed, b64.decode(parts[2]))) {
        throw new SecurityException("authorization request signature does not verify");
      }
    } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
      throw new SecurityException("authorization request signature cannot be checked", e);
    }
    return claims;
  }
}
