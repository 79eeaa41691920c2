package io.gaimace.agent;

import java.time.Duration;

/**
 * An agent's safeguards.
 *
 * @param hopLimit the largest hop count an agent's reply may reach: a message that already has this
 *     many agent replies behind it is not answered, which breaks agent-to-agent loops
 * @param maxConcurrent answers generated at the same time; more wait in a short queue
 * @param perMinute answers started per minute at most; messages beyond are not answered
 * @param contextMessages how many recent messages of the dialogue the handler sees
 * @param contextChars the most characters of history the handler sees (oldest dropped first)
 * @param answerTimeout how long one answer may take before it is abandoned with an error
 */
public record AgentLimits(
    int hopLimit,
    int maxConcurrent,
    int perMinute,
    int contextMessages,
    int contextChars,
    Duration answerTimeout) {

  public static final AgentLimits DEFAULTS =
      new AgentLimits(3, 2, 30, 20, 8000, Duration.ofMinutes(3));

  public AgentLimits {
    if (hopLimit < 1 || hopLimit > io.gaimace.protocol.AgentMeta.MAX_HOPS) {
      throw new IllegalArgumentException("hop limit must be 1-16");
    }
    if (maxConcurrent < 1 || perMinute < 1 || contextMessages < 1 || contextChars < 100) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
