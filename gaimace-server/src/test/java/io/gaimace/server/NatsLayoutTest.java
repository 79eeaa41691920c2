package io.gaimace.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gaimace.server.config.Secrets;
import io.gaimace.server.nats.Accounts;
import io.gaimace.server.nats.NatsLayout;
import io.gaimace.testing.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The generated NATS configuration, checked against a real nats-server with no Gaimace server. */
class NatsLayoutTest {
  @Test
  void theServersOwnUsersConnectWithoutTheCalloutAndUsersNeedIt() throws Exception {
    Secrets secrets = Secrets.generate();
    try (NatsServerProcess nats =
        NatsServerProcess.builder().configFragment(NatsLayout.configFragment(secrets)).start()) {
      for (String user :
          new String[] {
            Accounts.AUTH_USER,
            Accounts.SERVICE_USER_CHAT,
            Accounts.SERVICE_USER_SVC,
            Accounts.SERVICE_USER_SYS
          }) {
        String password =
            user.equals(Accounts.AUTH_USER) ? secrets.authPassword() : secrets.servicePassword();
        try (Connection c = connect(nats, user, password)) {
          assertThat(c.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        }
      }
      assertThatThrownBy(() -> connect(nats, Accounts.SERVICE_USER_CHAT, "wrong"))
          .hasMessageContaining("Authorization Violation");
      // No callout is running: a token user cannot get in.
      assertThatThrownBy(
              () ->
                  Nats.connect(
                      new Options.Builder()
                          .server(nats.clientUrl())
                          .token("gmc_a.b".toCharArray())
                          .connectionTimeout(Duration.ofSeconds(3))
                          .build()))
          .hasMessageContaining("Authorization Violation");
    }
  }

  private static Connection connect(NatsServerProcess nats, String user, String password)
      throws Exception {
    return Nats.connect(
        new Options.Builder()
            .server(nats.clientUrl())
            .userInfo(user, password)
            .connectionTimeout(Duration.ofSeconds(2))
            .build());
  }
}
