package io.gaimace.protocol;

/**
 * What a protocol subject refers to, as returned by {@link Subjects#parse(String)}.
 *
 * <p>Closed: a subject is a chat, presence or typing subject, nothing else.
 */
public sealed interface SubjectRef permits ChatSubject, PresenceSubject, TypingSubject {

  /**
   * The canonical subject string; {@code Subjects.parse(s).subject()} equals {@code s}.
   *
   * @return the subject
   */
  String subject();
}
