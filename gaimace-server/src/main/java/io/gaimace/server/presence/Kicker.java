package io.gaimace.server.presence;

import io.gaimace.server.nats.Buckets;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a user's live connections through the system account ({@code $SYS.REQ.SERVER.<id>.KICK}),
 * so that a revocation, removal or ban takes effect at once whatever the client does. A client that
 * reconnects goes through the auth callout again and gets the permissions it has now, or is
 * refused.
 */
public final class Kicker {
  private static final Logger LOG = LoggerFactory.getLogger(Kicker.class);
  private final Connection sys;
  private final Buckets<ConnectionRecord> connections;

  public Kicker(Connection sys, Buckets<ConnectionRecord> connections) {
    this.sys = sys;
    this.connections = connections;
  }

  /**
   * Kicks the user's connections shortly after now, so the reply to the user's own request (a
   * leave) reaches it before its connection is closed.
   */
  public void kickSoon(String userId) {
    java.util.concurrent.CompletableFuture.runAsync(
        () -> kick(userId),
        java.util.concurrent.CompletableFuture.delayedExecutor(
            250, java.util.concurrent.TimeUnit.MILLISECONDS));
  }

  /** Kicks every known connection of the user; returns how many were kicked. */
  public int kick(String userId) {
    int kicked = 0;
    for (ConnectionRecord c : connections.values(userId + ".*.*")) {
      String subject = "$SYS.REQ.SERVER." + c.serverId() + ".KICK";
      byte[] body = ("{\"cid\":" + c.cid() + "}").getBytes(StandardCharsets.UTF_8);
      try {
        sys.request(subject, body, Duration.ofSeconds(2));
        kicked++;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return kicked;
      } catch (RuntimeException e) {
        LOG.warn("cannot kick {} connection {}", userId, c.cid(), e);
      }
    }
    LOG.info("kicked {} connection(s) of {}", kicked, userId);
    return kicked;
  }
}
