package io.gaimace.server.nats;

import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.server.config.Secrets;

/**
 * Writes the part of a nats-server configuration that Gaimace needs: its accounts, the API import
 * with caller identity, the system account and the auth callout. The rest (ports, JetStream store,
 * clustering, TLS) is the operator's; the fragment must be the same on every node of a cluster.
 *
 * <p>The server's own connections are static users listed in {@code auth_users}, so they never go
 * through the callout. That matters after a NATS restart: a connection that needed the callout
 * could be refused twice before the callout's own connection is back, and jnats gives up on a
 * connection refused twice (checked on nats-server 2.10.27: {@code auth_users} in other accounts
 * bypass the callout too).
 */
public final class NatsLayout {
  private NatsLayout() {}

  /** The configuration fragment for these secrets. */
  public static String configFragment(Secrets secrets) {
    String api = ApiSubjects.PREFIX + ".>";
    return """
        accounts {
          %1$s { users: [ { user: "%5$s", password: "%6$s" } ] }
          %2$s {
            jetstream: enabled
            users: [ { user: "%10$s", password: "%9$s" } ]
            imports: [ { service: { account: %3$s, subject: "%7$s" }, share: true } ]
          }
          %3$s {
            users: [ { user: "%11$s", password: "%9$s" } ]
            exports: [ { service: "%7$s", accounts: [ %2$s ] } ]
          }
          %4$s { users: [ { user: "%12$s", password: "%9$s" } ] }
        }
        system_account: %4$s
        authorization {
          auth_callout {
            issuer: "%8$s"
            auth_users: [ "%5$s", "%10$s", "%11$s", "%12$s" ]
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
            secrets.authPassword(),
            api,
            secrets.issuerPublicKey(),
            secrets.servicePassword(),
            Accounts.SERVICE_USER_CHAT,
            Accounts.SERVICE_USER_SVC,
            Accounts.SERVICE_USER_SYS);
  }
}
