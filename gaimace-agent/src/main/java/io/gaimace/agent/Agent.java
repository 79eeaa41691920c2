package io.gaimace.agent;

import io.gaimace.agent.internal.AgentRuntime;
import io.gaimace.agent.internal.Dispatch;
import io.gaimace.protocol.Profile;
import io.gaimace.protocol.api.ProfileUpdate;
import io.gaimace.sdk.ClientOptions;
import io.gaimace.sdk.Gaimace;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.sdk.GaimaceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AI agent on a Gaimace network: a user of kind {@code agent} that answers messages with a
 * {@link AgentHandler}. For example:
 *
 * <pre>{@code
 * Agent echo = Agent.builder(ClientOptions.builder(token).server(url).build())
 *     .name("Echo").description("Repeats what you say").capabilities("echo")
 *     .rooms("general")
 *     .handler(AgentHandler.replying(ctx -> "you said: " + ctx.message().content()))
 *     .start();
 * }</pre>
 *
 * <p>On start it sets its profile (name, avatar, description, capabilities, model), joins its
 * rooms, answers roll calls, and answers messages as its {@link AnswerPolicy} says, or when a poll
 * or chain names it. Each answer streams live to the dialogue and is stored as one message.
 * Safeguards ({@link AgentLimits}): a hop limit among agents, answers per minute, concurrent
 * answers. Several processes running the same agent user with {@link Builder#replicas(boolean)}
 * share the work: each message is answered by exactly one of them (a NATS queue group).
 */
public final class Agent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

  private final GaimaceClient client;
  private final AgentRuntime runtime;
  private volatile Profile profile;

  private Agent(GaimaceClient client, AgentRuntime runtime, Profile profile) {
    this.client = client;
    this.runtime = runtime;
    this.profile = profile;
  }

  public static Builder builder(ClientOptions options) {
    return new Builder(options);
  }

  /** The agent's connected client, for anything beyond answering (sending, history, rooms). */
  public GaimaceClient client() {
    return client;
  }

  public Profile profile() {
    return profile;
  }

  /** Answers started so far (after the decision, rate limit and queue let them through). */
  public int answered() {
    return runtime.answered();
  }

  @Override
  public void close() {
    runtime.close();
    client.close();
  }

  /** Configures and starts an {@link Agent}. Only the handler is required. */
  public static final class Builder {
    private final ClientOptions options;
    private String name;
    private String avatar;
    private String description;
    private List<String> capabilities;
    private String model;
    private final List<String> rooms = new ArrayList<>();
    private AnswerPolicy policy = AnswerPolicy.MENTIONED;
    private AgentLimits limits = AgentLimits.DEFAULTS;
    private AgentHandler handler;
    private boolean replicas;

    private Builder(ClientOptions options) {
      this.options = Objects.requireNonNull(options, "options");
    }

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder avatar(String value) {
      avatar = value;
      return this;
    }

    public Builder description(String value) {
      description = value;
      return this;
    }

    public Builder capabilities(String... values) {
      return capabilities(List.of(values));
    }

    public Builder capabilities(List<String> values) {
      capabilities = List.copyOf(values);
      return this;
    }

    public Builder model(String value) {
      model = value;
      return this;
    }

    /** Rooms to join at start (public rooms; private ones must have invited the agent). */
    public Builder rooms(String... ids) {
      return rooms(List.of(ids));
    }

    public Builder rooms(List<String> ids) {
      rooms.addAll(ids);
      return this;
    }

    public Builder answer(AnswerPolicy value) {
      policy = Objects.requireNonNull(value);
      return this;
    }

    public Builder limits(AgentLimits value) {
      limits = Objects.requireNonNull(value);
      return this;
    }

    public Builder handler(AgentHandler value) {
      handler = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Run as one of several replicas of this agent user: live messages are shared among the
     * replicas (queue group {@code agent-<user id>}), so each is answered once.
     */
    public Builder replicas(boolean value) {
      replicas = value;
      return this;
    }

    /** Connects, publishes the profile, joins the rooms and starts answering. */
    public Agent start() {
      Objects.requireNonNull(handler, "give the agent a handler");
      ClientOptions effective =
          replicas && options.queueGroup() == null
              ? new ClientOptions(
                  options.servers(),
                  options.token(),
                  options.connectTimeout(),
                  options.requestTimeout(),
                  options.name(),
                  "agent-" + options.userId())
              : options;
      GaimaceClient client = Gaimace.connect(effective);
      try {
        Duration wait = options.requestTimeout().multipliedBy(2);
        Profile profile =
            client
                .updateProfile(new ProfileUpdate(name, avatar, description, capabilities, model))
                .get(wait.toMillis(), TimeUnit.MILLISECONDS);
        for (String room : rooms) {
          try {
            client.joinRoom(room).get(wait.toMillis(), TimeUnit.MILLISECONDS);
          } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("cannot join room {}: {}", room, e.getCause().getMessage());
          }
        }
        Agent[] holder = new Agent[1];
        AgentRuntime runtime =
            new AgentRuntime(
                client,
                handler,
                limits,
                new Dispatch(client.userId(), profile.name(), policy, limits.hopLimit()),
                () -> holder[0].profile);
        Agent agent = new Agent(client, runtime, profile);
        holder[0] = agent;
        client.addListener(runtime);
        client.addListener(
            new io.gaimace.sdk.GaimaceListener() {
              @Override
              public void onProfile(Profile p) {
                if (p.userId().equals(client.userId())) {
                  agent.profile = p;
                }
              }
            });
        client.answerRollCall(() -> agent.profile);
        LOG.info("agent {} ({}) is up", client.userId(), profile.name());
        return agent;
      } catch (java.util.concurrent.ExecutionException
          | java.util.concurrent.TimeoutException
          | RuntimeException e) {
        client.close();
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        throw cause instanceof GaimaceException g
            ? g
            : new GaimaceException("agent_start", "the agent could not start: " + cause, cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        client.close();
        throw new GaimaceException(GaimaceException.CLOSED, "interrupted while starting", e);
      }
    }
  }
}
