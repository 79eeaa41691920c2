package io.gaimace.agent;

/**
 * What an agent does with a message it decided to answer. Called on a worker thread, never on the
 * client's event thread, so it may block (an LLM call, say).
 *
 * <p>Write the answer to {@code reply}, piece by piece as it is produced: everyone in the dialogue
 * sees it grow, and when this method returns the text is stored as one message. Throw to report a
 * failure: the dialogue then gets an error message instead (an {@link AgentFailure} names its
 * code), and the agent keeps running. Stop early when {@link ReplyStream#isCancelled()} turns true.
 */
@FunctionalInterface
public interface AgentHandler {
  void answer(DialogueContext context, ReplyStream reply) throws Exception;

  /** A handler computing the whole answer at once. */
  static AgentHandler replying(java.util.function.Function<DialogueContext, String> answer) {
    return (context, reply) -> reply.append(answer.apply(context));
  }
}
