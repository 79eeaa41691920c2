package io.gaimace.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.server.auth.PermissionPolicy;
import io.gaimace.server.nats.Accounts;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A user's connection that records the permission errors the NATS server reports, so tests can
 * assert exactly what is allowed and denied. Allowed operations are proven by a message really
 * arriving; denied ones by the server's permissions violation.
 */
final class Probe implements AutoCloseable {
  private final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
  final Connection conn;
  private final Connection service;

  Probe(GaimaceFixture env, String userId, String token) throws Exception {
    ErrorListener listener =
        new ErrorListener() {
          @Override
          public void errorOccurred(Connection c, String error) {
            errors.add(error);
          }
        };
    conn =
        Nats.connect(
            new Options.Builder()
                .server(env.nats().clientUrl())
                .token(token.toCharArray())
                .inboxPrefix(PermissionPolicy.inboxPrefix(userId))
                .errorListener(listener)
                .build());
    service =
        Nats.connect(
            new Options.Builder()
                .server(env.nats().clientUrl())
                .userInfo(Accounts.SERVICE_USER_CHAT, env.secrets().servicePassword())
                .build());
  }

  /** Subscribing to {@code filter} works: a message published on {@code subject} arrives. */
  void canSubscribe(String filter, String subject) throws Exception {
    errors.clear();
    Subscription sub = conn.subscribe(filter);
    conn.flush(Duration.ofSeconds(2));
    service.publish(subject, "probe".getBytes(StandardCharsets.UTF_8));
    Message m = sub.nextMessage(Duration.ofSeconds(2));
    sub.unsubscribe();
    assertThat(m).as("message on %s via subscription %s", subject, filter).isNotNull();
    assertThat(errors).as("errors").noneMatch(e -> e.contains(filter));
  }

  /** Subscribing to {@code filter} is refused by the NATS server. */
  void cannotSubscribe(String filter) throws Exception {
    errors.clear();
    Subscription sub = conn.subscribe(filter);
    conn.flush(Duration.ofSeconds(2));
    String error = errors.poll(2, TimeUnit.SECONDS);
    assertThat(error).as("permission error for subscription to %s", filter).isNotNull();
    assertThat(error).contains("Permissions Violation for Subscription to").contains(filter);
    sub.unsubscribe();
  }

  /** Publishing on {@code subject} works: a privileged subscriber receives it. */
  void canPublish(String subject) throws Exception {
    errors.clear();
    Subscription sub = service.subscribe(subject);
    service.flush(Duration.ofSeconds(2));
    conn.publish(subject, "{}".getBytes(StandardCharsets.UTF_8));
    conn.flush(Duration.ofSeconds(2));
    assertThat(sub.nextMessage(Duration.ofSeconds(2))).as("publish to %s", subject).isNotNull();
    sub.unsubscribe();
  }

  /** Publishing on {@code subject} is refused and nobody receives it. */
  void cannotPublish(String subject) throws Exception {
    errors.clear();
    Subscription sub = service.subscribe(subject);
    service.flush(Duration.ofSeconds(2));
    conn.publish(subject, "{}".getBytes(StandardCharsets.UTF_8));
    conn.flush(Duration.ofSeconds(2));
    String error = errors.poll(2, TimeUnit.SECONDS);
    assertThat(error).as("permission error for publish to %s", subject).isNotNull();
    assertThat(error).contains("Permissions Violation for Publish to").contains(subject);
    assertThat(sub.nextMessage(Duration.ofMillis(200))).isNull();
    sub.unsubscribe();
  }

  @Override
  public void close() {
    try {
      conn.close();
      service.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
