package io.gaimace.agent.internal;

import io.gaimace.protocol.AgentMeta;
import io.gaimace.protocol.Nullable;

/**
 * Whether to answer a message and, if so, what the answer's agent extension carries.
 *
 * @param answer true to answer
 * @param reason why not (for the log), or why yes
 * @param reply nullable: the hop count and flow for the reply
 */
public record Decision(boolean answer, String reason, @Nullable AgentMeta reply) {
  static Decision no(String reason) {
    return new Decision(false, reason, null);
  }

  static Decision yes(String reason, AgentMeta reply) {
    return new Decision(true, reason, reply);
  }
}
