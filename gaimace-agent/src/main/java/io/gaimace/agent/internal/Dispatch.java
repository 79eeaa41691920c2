package io.gaimace.agent.internal;

import io.gaimace.agent.AnswerPolicy;
import io.gaimace.protocol.AgentMeta;
import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Flow;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Decides whether an agent answers a message (pure logic, no I/O).
 *
 * <ul>
 *   <li>Never its own messages, nor agents' error notices (except as a turn of a chain).
 *   <li>A message of a poll or chain: only the agents it addresses, at their turn (poll: all on the
 *       starting message; chain: agent i on the answer of agent i-1). The answer carries the next
 *       step. Other agents and the answer policy are not consulted.
 *   <li>Otherwise the {@link AnswerPolicy}, and the hop limit: a message {@code h} agent replies
 *       away from the last human message (h = its {@code agent.hops}; 1 for an agent's message
 *       without it) is answered only while {@code h < hopLimit}; the answer has {@code h + 1}.
 * </ul>
 */
public final class Dispatch {
  private final String me;
  private final String name;
  private final AnswerPolicy policy;
  private final int hopLimit;

  public Dispatch(String me, String name, AnswerPolicy policy, int hopLimit) {
    this.me = me;
    this.name = name;
    this.policy = policy;
    this.hopLimit = hopLimit;
  }

  /**
   * @param senderIsAgent tells whether a user id is an agent (asked only for messages without hops)
   */
  public Decision decide(ChatMessage m, Predicate<String> senderIsAgent) {
    if (m.sender().equals(me)) {
      return Decision.no("own message");
    }
    AgentMeta meta = m.agent();
    if (Boolean.TRUE.equals(m.deleted())) {
      return Decision.no("deleted");
    }
    if (meta != null && meta.flow() != null) {
      // a chain goes on past an agent that failed: its error notice is its turn
      return flow(m, meta.flow(), meta.hopCount());
    }
    if (meta != null && meta.error() != null) {
      return Decision.no("an error notice");
    }
    int hops = meta != null && meta.hops() != null ? meta.hops() : 0;
    if ((meta == null || meta.hops() == null) && senderIsAgent.test(m.sender())) {
      hops = 1; // an agent that does not count hops: count its message as one
    }
    if (hops >= hopLimit) {
      return Decision.no("hop limit " + hopLimit + " reached");
    }
    boolean direct = m.dialogueId().contains("+");
    boolean wanted =
        switch (policy) {
          case EVERY -> true;
          case DM -> direct;
          case MENTIONED -> direct || mentioned(m);
        };
    if (!wanted) {
      return Decision.no("not addressed (" + policy.name().toLowerCase(Locale.ROOT) + ")");
    }
    return Decision.yes("addressed", new AgentMeta(null, hops + 1, null, null));
  }

  private Decision flow(ChatMessage m, Flow f, int hops) {
    int me0 = f.agents().indexOf(me);
    if (me0 < 0) {
      return Decision.no("flow " + f.id() + " does not name me");
    }
    int nextHops = Math.min(AgentMeta.MAX_HOPS, hops + 1);
    if (f.kind().equals(Flow.POLL)) {
      return f.step() == 0
          ? Decision.yes("poll", new AgentMeta(null, nextHops, f.atStep(1), null))
          : Decision.no("a poll answer");
    }
    // chain: agent i answers the message at step i, the start (i = 0) or agent i-1's answer
    if (f.step() != me0) {
      return Decision.no("not my turn in chain " + f.id());
    }
    if (me0 > 0 && !m.sender().equals(f.agents().get(me0 - 1))) {
      return Decision.no("step " + f.step() + " not written by the previous agent");
    }
    return Decision.yes(
        "chain step " + (me0 + 1), new AgentMeta(null, nextHops, f.atStep(me0 + 1), null));
  }

  /** {@code @id} or {@code @name} (ignoring case) in the text, or listed in the mentions. */
  boolean mentioned(ChatMessage m) {
    if (m.mentions() != null && m.mentions().contains(me)) {
      return true;
    }
    String text = m.content().toLowerCase(Locale.ROOT);
    return mentions(text, me) || (!name.isBlank() && mentions(text, name));
  }

  private static boolean mentions(String lowerText, String who) {
    String handle = "@" + who.toLowerCase(Locale.ROOT);
    return Pattern.compile(Pattern.quote(handle) + "(?![\\p{L}\\p{N}_-])")
        .matcher(lowerText)
        .find();
  }
}
