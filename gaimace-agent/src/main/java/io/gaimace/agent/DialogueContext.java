package io.gaimace.agent;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Flow;
import io.gaimace.protocol.Nullable;
import io.gaimace.protocol.Profile;
import java.util.List;

/**
 * What an agent knows when it answers: the message, the recent history of its dialogue (bounded by
 * {@link AgentLimits}, oldest first, ending with the message unless newer ones arrived meanwhile),
 * and its own profile.
 *
 * @param message the message to answer
 * @param history recent messages of the dialogue, oldest first (agent error notices left out)
 * @param self the agent's own profile
 * @param flow nullable: the poll or chain the answer belongs to, at the answer's step
 */
public record DialogueContext(
    ChatMessage message, List<ChatMessage> history, Profile self, @Nullable Flow flow) {

  public DialogueContext {
    history = List.copyOf(history);
  }

  public String dialogueId() {
    return message.dialogueId();
  }

  /** True in a direct dialogue (two users), false in a room. */
  public boolean direct() {
    return message.dialogueId().contains("+");
  }
}
