package io.gaimace.protocol;

/**
 * A presence subject: {@code presence.<user_id>}.
 *
 * @param userId the user whose presence the subject carries
 */
public record PresenceSubject(String userId) implements SubjectRef {

  /** Validates the user id. */
  public PresenceSubject {
    Ids.requireValid(userId, "user id");
  }

  @Override
  public String subject() {
    return Subjects.presence(userId);
  }
}
