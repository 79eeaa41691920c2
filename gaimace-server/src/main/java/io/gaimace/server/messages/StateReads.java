package io.gaimace.server.messages;

import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.server.nats.StoreSetup;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Reads many message states at once: one JetStream direct get per key ({@code
 * $JS.API.DIRECT.GET.<stream>.<subject>}, last message of the key's subject), all in flight
 * together, so a history page of 50 messages costs about one round trip instead of 50. Any answer
 * it cannot read (an error, a timeout, an unexpected status) falls back to the ordinary KV get for
 * that key, so the result is always what {@code KeyValue.get} would say.
 */
final class StateReads {
  private static final String STREAM = "KV_" + StoreSetup.MESSAGE_STATE;
  private static final String PREFIX = "$KV." + StoreSetup.MESSAGE_STATE + ".";
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private final Connection chat;

  StateReads(Connection chat) {
    this.chat = chat;
  }

  /** The state of each key (null keys: none), in order; {@code fallback} reads one key. */
  List<Optional<MessageState>> read(
      List<String> keys, Function<String, Optional<MessageState>> fallback) {
    List<CompletableFuture<Message>> pending = new ArrayList<>(keys.size());
    for (String key : keys) {
      pending.add(
          key == null
              ? null
              : chat.requestWithTimeout(
                  "$JS.API.DIRECT.GET." + STREAM + "." + PREFIX + key, null, TIMEOUT));
    }
    List<Optional<MessageState>> out = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      if (key == null) {
        out.add(Optional.empty());
        continue;
      }
      Optional<Optional<MessageState>> answer = answer(pending.get(i));
      out.add(answer.orElseGet(() -> fallback.apply(key)));
    }
    return out;
  }

  /** The state from a direct get's answer; empty when the answer cannot be trusted. */
  private static Optional<Optional<MessageState>> answer(CompletableFuture<Message> reply) {
    Message m;
    try {
      m = reply.get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    }
    if (m.isStatusMessage()) {
      return m.getStatus().getCode() == 404 ? Optional.of(Optional.empty()) : Optional.empty();
    }
    if (m.getHeaders() == null || m.getHeaders().getFirst("Nats-Sequence") == null) {
      return Optional.empty(); // not a direct get answer (an API error in JSON)
    }
    String op = m.getHeaders().getFirst("KV-Operation");
    if (op != null && !op.equals("PUT")) {
      return Optional.of(Optional.empty()); // deleted or purged key
    }
    try {
      return Optional.of(
          Optional.of(ProtocolCodec.mapper().readValue(m.getData(), MessageState.class)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
