package io.gaimace.protocol;

import java.util.Objects;

/**
 * A typing subject: {@code typing.<room_id>} or {@code typing.<lo>.<hi>}.
 *
 * @param dialogue the dialogue whose typing indicators the subject carries
 */
public record TypingSubject(Dialogue dialogue) implements SubjectRef {

  /** Requires a dialogue. */
  public TypingSubject {
    Objects.requireNonNull(dialogue, "dialogue");
  }

  @Override
  public String subject() {
    return Subjects.typing(dialogue);
  }
}
