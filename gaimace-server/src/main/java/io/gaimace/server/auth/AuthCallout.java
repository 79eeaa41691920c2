package io.gaimace.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaimace.server.config.Secrets;
import io.gaimace.server.nats.Accounts;
import io.gaimace.server.rooms.MembershipStore;
import io.gaimace.server.users.UserStore;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.NKey;
import io.nats.client.support.JsonSerializable;
import io.nats.client.support.JwtUtils;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers nats-server's authorization requests (auth callout). A client that connects with a valid
 * token gets a user JWT for the CHAT account, named after the user, with the user's exact
 * permissions ({@link PermissionPolicy}) and a short expiry. Anything else is refused with a reason
 * the NATS server logs; the client sees "Authorization Violation". (The server's own connections
 * are static users that never reach the callout.)
 *
 * <p>Subscribed in queue group {@code gaimace}, so any number of server instances share the work.
 * The dispatcher thread only stamps each request and hands it to a small pool, so the store reads
 * of several connects overlap. nats-server gives up on an answer after 2 s and closes the client; a
 * request that has already waited {@link #STALE} is dropped unanswered instead of being decided for
 * a client that is gone. Without that, a reconnect storm collapses: every retry adds a request
 * while the queue is full of requests nobody waits for any more (docs/benchmarks.md, storm).
 */
public final class AuthCallout implements AutoCloseable {
  static final String SUBJECT = "$SYS.REQ.USER.AUTH";

  /** Requests older than this are dropped: nats-server stops waiting for an answer at 2 s. */
  static final Duration STALE = Duration.ofMillis(1500);

  private static final int WORKERS = 8;
  private static final int MAX_QUEUED = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(AuthCallout.class);

  private final Connection auth;
  private final NKey issuer;
  private final String issuerPublicKey;
  private final Duration jwtTtl;
  private final AuthListener listener;
  private volatile Stores stores;
  private final ThreadPoolExecutor workers;
  private Dispatcher dispatcher;

  /** Told of every decision, for metrics. */
  public interface AuthListener {
    void decided(boolean allowed);

    /** A request was dropped unanswered because it waited too long or the queue was full. */
    default void shed() {}
  }

  /** What user authentication reads; attached once JetStream is reachable. */
  public record Stores(TokenStore tokens, UserStore users, MembershipStore memberships) {}

  public AuthCallout(Connection auth, Secrets secrets, Duration jwtTtl, AuthListener listener) {
    this.auth = auth;
    this.issuer = secrets.issuer();
    this.issuerPublicKey = secrets.issuerPublicKey();
    this.jwtTtl = jwtTtl;
    this.listener = listener;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_QUEUED),
            r -> {
              Thread t = new Thread(r, "gaimace-auth-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            (r, pool) -> listener.shed());
  }

  /** Attaches the stores; until then every user is refused as "starting". */
  public void attach(Stores stores) {
    this.stores = stores;
  }

  public void start() {
    dispatcher =
        auth.createDispatcher(
            msg -> {
              long received = System.nanoTime();
              workers.execute(() -> handle(msg, received));
            });
    dispatcher.subscribe(SUBJECT, "gaimace");
  }

  private void handle(Message msg, long received) {
    if (msg.getReplyTo() == null) {
      return;
    }
    if (System.nanoTime() - received > STALE.toNanos()) {
      listener.shed();
      return;
    }
    String userNkey = null;
    String serverId = null;
    try {
      JsonNode claims =
          Jwts.verifiedServerClaims(new String(msg.getData(), StandardCharsets.UTF_8));
      JsonNode nats = claims.path("nats");
      userNkey = nats.path("user_nkey").asText(null);
      serverId = nats.path("server_id").path("id").asText(null);
      if (userNkey == null || serverId == null) {
        throw new SecurityException("authorization request lacks user_nkey or server_id");
      }
      String userJwt = decide(userNkey, nats.path("connect_opts"));
      respond(msg, userNkey, serverId, userJwt, null);
      listener.decided(true);
    } catch (Refused e) {
      LOG.info("auth refused: {}", e.getMessage());
      respond(msg, userNkey, serverId, null, e.getMessage());
      listener.decided(false);
    } catch (RuntimeException e) {
      LOG.warn("auth request failed", e);
      if (userNkey != null && serverId != null) {
        respond(msg, userNkey, serverId, null, "authorization service error");
      }
      listener.decided(false);
    }
  }

  private String decide(String userNkey, JsonNode connectOpts) throws Refused {
    String token = connectOpts.path("auth_token").asText("");
    if (token.isEmpty()) {
      throw new Refused("no token given");
    }
    Stores s = stores;
    if (s == null) {
      throw new Refused("the Gaimace server is starting");
    }
    TokenRecord record =
        s.tokens()
            .authenticate(token)
            .orElseThrow(() -> new Refused("unknown, expired or revoked token"));
    var user = s.users().find(record.userId());
    if (user.isEmpty()) {
      throw new Refused("token belongs to removed user " + record.userId());
    }
    return sign(
        userNkey,
        record.userId(),
        Accounts.CHAT,
        jwtTtl,
        PermissionPolicy.userClaim(
            record.userId(), s.memberships().roomsOf(record.userId()), user.get().kind()));
  }

  private String sign(
      String userNkey, String name, String account, Duration ttl, JsonSerializable claim) {
    try {
      return JwtUtils.issueJWT(
          issuer,
          userNkey,
          name,
          ttl,
          JwtUtils.currentTimeSeconds(),
          issuerPublicKey,
          account,
          claim);
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign user JWT", e);
    }
  }

  private void respond(Message msg, String userNkey, String serverId, String jwt, String error) {
    if (userNkey == null || serverId == null) {
      return;
    }
    try {
      String response =
          JwtUtils.issueJWT(
              issuer,
              userNkey,
              null,
              null,
              JwtUtils.currentTimeSeconds(),
              issuerPublicKey,
              serverId,
              new AuthResponse(jwt, error));
      auth.publish(msg.getReplyTo(), response.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      LOG.error("cannot sign the callout response", e);
    }
  }

  @Override
  public void close() {
    if (dispatcher != null) {
      auth.closeDispatcher(dispatcher);
    }
    workers.shutdownNow();
  }

  /** A refusal with the reason given to the NATS server. */
  private static final class Refused extends Exception {
    Refused(String reason) {
      super(reason);
    }
  }
}
