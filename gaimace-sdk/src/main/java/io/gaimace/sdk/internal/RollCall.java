package io.gaimace.sdk.internal;

import io.gaimace.protocol.AgentSubjects;
import io.gaimace.protocol.Profile;
import io.gaimace.protocol.ProtocolCodec;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roll call of agents ({@code agents.rollcall}): a scatter-gather request that every online
 * agent answers with its profile. Asking is open to every user; only agents may listen.
 */
final class RollCall {
  private static final Logger LOG = LoggerFactory.getLogger(RollCall.class);

  private RollCall() {}

  /** Publishes a roll call and gathers the profiles that answer within {@code window}. */
  static List<Profile> gather(Connection c, Duration window) throws InterruptedException {
    String inbox = c.createInbox();
    Subscription sub = c.subscribe(inbox);
    try {
      c.publish(AgentSubjects.ROLL_CALL, inbox, "{}".getBytes(StandardCharsets.UTF_8));
      Map<String, Profile> found = new TreeMap<>();
      long deadline = System.nanoTime() + window.toNanos();
      long left;
      while ((left = deadline - System.nanoTime()) > 0) {
        Message m = sub.nextMessage(Duration.ofNanos(left));
        if (m == null) {
          break;
        }
        try {
          Profile p = ProtocolCodec.decode(m.getData(), Profile.class);
          found.putIfAbsent(p.userId(), p);
        } catch (RuntimeException e) {
          LOG.debug("ignoring an unreadable roll call answer");
        }
      }
      return List.copyOf(found.values());
    } finally {
      sub.unsubscribe();
    }
  }

  /** Answers one roll call with the profile, when this client answers roll calls at all. */
  static void answer(Connection c, Message call, Supplier<Profile> profile) {
    if (profile == null || call.getReplyTo() == null) {
      return;
    }
    try {
      c.publish(call.getReplyTo(), ProtocolCodec.encode(profile.get()));
    } catch (RuntimeException e) {
      LOG.debug("cannot answer a roll call", e);
    }
  }
}
