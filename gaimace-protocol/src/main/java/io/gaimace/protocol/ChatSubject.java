package io.gaimace.protocol;

import java.util.Objects;

/**
 * A chat subject: {@code chat.room.<room_id>} or {@code chat.private.<lo>.<hi>}.
 *
 * @param dialogue the dialogue whose messages the subject carries
 */
public record ChatSubject(Dialogue dialogue) implements SubjectRef {

  /** Requires a dialogue. */
  public ChatSubject {
    Objects.requireNonNull(dialogue, "dialogue");
  }

  @Override
  public String subject() {
    return Subjects.chat(dialogue);
  }
}
