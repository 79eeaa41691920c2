package io.gaimace.protocol;

import java.util.List;

/**
 * A turn-taking flow among agents (additive, inside {@link AgentMeta}). A human's message with a
 * flow at step 0 starts it. In a {@code poll} every listed agent answers that message at once, each
 * answer carrying step 1. In a {@code chain} the agents answer one after the other: the answer of
 * agent {@code i} (0-based) carries step {@code i + 1}, and agent {@code i + 1} answers once it
 * sees it, with the earlier answers in its context. Clients render progress as {@code step/agents}.
 *
 * @param id the flow's id, the same on every message of the flow
 * @param kind {@code poll} or {@code chain}
 * @param agents the addressed agents' user ids, in chain order
 * @param step 0 on the starting message, then as described above
 */
public record Flow(String id, String kind, List<String> agents, int step) {
  public static final String POLL = "poll";
  public static final String CHAIN = "chain";

  /** Validates the kind, the agent ids and the step. */
  public Flow {
    Fields.requireText(id, "id");
    Fields.requireText(kind, "kind");
    if (!kind.equals(POLL) && !kind.equals(CHAIN)) {
      throw new ProtocolException("field 'kind' must be 'poll' or 'chain'", "kind", null);
    }
    agents = List.copyOf(Fields.require(agents, "agents"));
    if (agents.isEmpty() || agents.size() > 16) {
      throw new ProtocolException("a flow names 1 to 16 agents", "agents", null);
    }
    for (String a : agents) {
      Ids.requireValid(a, "agent id");
    }
    if (step < 0 || step > agents.size()) {
      throw new ProtocolException("field 'step' is out of range", "step", null);
    }
  }

  /** The same flow at another step. */
  public Flow atStep(int next) {
    return new Flow(id, kind, agents, next);
  }
}
