package io.gaimace.server.nats;

import io.gaimace.protocol.api.ApiSubjects;

/**
 * Writes the part of a nats-server configuration that Gaimace needs: its accounts, the API import
 * with caller identity, the system account and the auth callout. The rest (ports, JetStream store,
 * clustering, TLS) is the operator's.
 */
public final class NatsLayout {
  private NatsLayout() {}

  /**
   * The configuration fragment.
   *
   * @param issuerPublicKey public key of the account nkey that signs the callout's answers
   * @param authPassword password of the callout's own user
   */
  public static String configFragment(String issuerPublicKey, String authPassword) {
    String api = ApiSubjects.PREFIX + ".>";
    return """
        accounts {
          %1$s { users: [ { user: "%5$s", password: "%6$s" } ] }
          %2$s {
            jetstream: enabled
            imports: [ { service: { account: %3$s, subject: "%7$s" }, share: true } ]
          }
          %3$s { exports: [ { service: "%7$s", accounts: [ %2$s ] } ] }
          %4$s { }
        }
        system_account: %4$s
        authorization {
          auth_callout {
            issuer: "%8$s"
            auth_users: [ "%5$s" ]
            account: %1$s
          }
        }
        """
        .formatted(
            Accounts.AUTH,
            Accounts.CHAT,
            Accounts.SVC,
            Accounts.SYS,
            Accounts.AUTH_USER,
            authPassword,
            api,
            issuerPublicKey);
  }
}
