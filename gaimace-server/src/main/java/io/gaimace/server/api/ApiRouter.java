package io.gaimace.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.gaimace.protocol.ErrorMessage;
import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.protocol.ProtocolException;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.server.nats.Accounts;
import io.gaimace.server.ops.Metrics;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.service.Service;
import io.nats.service.ServiceBuilder;
import io.nats.service.ServiceEndpoint;
import io.nats.service.ServiceMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Serves the Gaimace API on the SVC connection as a NATS micro-service ({@code gaimace}, queue
 * group {@code q}, so instances share requests). Each request is decoded into its record, the
 * caller is taken from the trusted {@code Nats-Request-Info} header, and the handler runs on one of
 * a fixed set of worker threads chosen by caller, so one caller's requests are handled in order.
 * Any failure becomes the protocol's {@code error} reply; nothing a client sends can crash it.
 */
public final class ApiRouter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
  private static final int MAX_REQUEST_BYTES = 256 * 1024;

  /** Handles one operation. */
  @FunctionalInterface
  public interface Handler<Q> {
    Object handle(Caller caller, Q request) throws ApiException;
  }

  private record Route<Q>(String operation, Class<Q> type, Handler<Q> handler) {}

  private final Connection svc;
  private final Metrics metrics;
  private final List<Route<?>> routes = new ArrayList<>();
  private final ExecutorService[] workers;
  private final ObjectMapper mapper = ProtocolCodec.mapper();
  private Service service;
  private Dispatcher dispatcher;

  public ApiRouter(Connection svc, Metrics metrics, int workerCount) {
    this.svc = svc;
    this.metrics = metrics;
    this.workers = new ExecutorService[workerCount];
    for (int i = 0; i < workerCount; i++) {
      int n = i;
      workers[i] =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "gaimace-api-" + n);
                t.setDaemon(true);
                return t;
              });
    }
  }

  public <Q> ApiRouter route(String operation, Class<Q> type, Handler<Q> handler) {
    routes.add(new Route<>(operation, type, handler));
    return this;
  }

  public void start() {
    dispatcher = svc.createDispatcher();
    ServiceBuilder builder =
        new ServiceBuilder()
            .connection(svc)
            .name("gaimace")
            .version("0.1.0")
            .description("Gaimace chat API");
    for (Route<?> route : routes) {
      builder.addServiceEndpoint(
          ServiceEndpoint.builder()
              .endpointName(route.operation().replace('.', '-'))
              .endpointSubject(ApiSubjects.of(route.operation()))
              .dispatcher(dispatcher)
              .handler(msg -> dispatch(route, msg))
              .build());
    }
    service = builder.build();
    service.startService();
  }

  private void dispatch(Route<?> route, ServiceMessage msg) {
    String user = callerOf(msg);
    int stripe = user == null ? 0 : Math.floorMod(user.hashCode(), workers.length);
    workers[stripe].execute(() -> handle(route, msg, user));
  }

  private <Q> void handle(Route<Q> route, ServiceMessage msg, String user) {
    metrics.request(route.operation());
    String requestId = null;
    try {
      JsonNode tree = parse(msg.getData());
      requestId = tree.path("request_id").isTextual() ? tree.get("request_id").asText() : null;
      if (requestId == null) {
        requestId = UUID.randomUUID().toString();
      }
      MDC.put("request_id", requestId);
      if (user == null) {
        throw new ApiException(
            ErrorCode.UNAUTHENTICATED, "requests must come from a user of the CHAT account");
      }
      MDC.put("user", user);
      Q request = decode(tree, route.type());
      Object result = route.handler().handle(new Caller(user, requestId), request);
      msg.respond(svc, mapper.writeValueAsBytes(result));
    } catch (ApiException e) {
      refuse(msg, e.code(), e.getMessage(), requestId);
    } catch (ProtocolException e) {
      refuse(msg, ErrorCode.INVALID_REQUEST, e.getMessage(), requestId);
    } catch (RuntimeException | JsonProcessingException e) {
      LOG.error("request {} failed", route.operation(), e);
      refuse(msg, ErrorCode.INTERNAL, "the server failed to handle the request", requestId);
    } finally {
      MDC.clear();
    }
  }

  private void refuse(ServiceMessage msg, ErrorCode code, String reason, String requestId) {
    metrics.refused(code.wire());
    LOG.info("refused {}: {}", code.wire(), reason);
    try {
      msg.respond(svc, ProtocolCodec.encode(new ErrorMessage(reason, code.wire(), requestId)));
    } catch (RuntimeException e) {
      LOG.warn("cannot send the error reply", e);
    }
  }

  private JsonNode parse(byte[] data) throws ApiException {
    if (data == null || data.length == 0) {
      return mapper.createObjectNode();
    }
    if (data.length > MAX_REQUEST_BYTES) {
      throw new ApiException(
          ErrorCode.TOO_LARGE, "request is larger than " + MAX_REQUEST_BYTES + " bytes");
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(data);
    } catch (java.io.IOException e) {
      throw ApiException.invalid("request is not valid JSON");
    }
    if (tree == null || !tree.isObject()) {
      throw ApiException.invalid("request must be a JSON object");
    }
    return tree;
  }

  private <Q> Q decode(JsonNode tree, Class<Q> type) throws ApiException {
    try {
      return mapper.treeToValue(tree, type);
    } catch (MismatchedInputException e) {
      String field =
          e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
      throw ApiException.invalid(
          field == null
              ? "request has the wrong shape"
              : "field '" + field + "' has the wrong type");
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw ApiException.invalid("request has the wrong shape");
    }
  }

  private String callerOf(ServiceMessage msg) {
    if (!msg.hasHeaders()) {
      return null;
    }
    String info = msg.getHeaders().getFirst("Nats-Request-Info");
    if (info == null) {
      return null;
    }
    try {
      JsonNode node = mapper.readTree(info);
      if (!Accounts.CHAT.equals(node.path("acc").asText())) {
        return null;
      }
      String user = node.path("user").asText("");
      return user.isEmpty() ? null : user;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  @Override
  public void close() {
    if (service != null) {
      service.stop();
    }
    for (ExecutorService w : workers) {
      w.shutdown();
    }
    for (ExecutorService w : workers) {
      try {
        w.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
