package io.gaimace.protocol;

import java.util.Objects;

/** The strict reading of subjects behind {@link Subjects#parse(String)}. */
final class SubjectParser {
  private SubjectParser() {}

  static SubjectRef parse(String subject) {
    Objects.requireNonNull(subject, "subject");
    // Ids cannot contain '.', so splitting is unambiguous; -1 keeps empty tokens to reject them.
    String[] t = subject.split("\\.", -1);
    switch (t[0]) {
      case "chat":
        if (t.length == 3 && t[1].equals("room")) {
          return new ChatSubject(new RoomDialogue(t[2]));
        }
        if (t.length == 4 && t[1].equals("private")) {
          return new ChatSubject(
              DirectDialogue.canonical(t[2], t[3], "subject " + Quote.of(subject)));
        }
        break;
      case "presence":
        if (t.length == 2) {
          return new PresenceSubject(t[1]);
        }
        break;
      case "typing":
        if (t.length == 2) {
          return new TypingSubject(new RoomDialogue(t[1]));
        }
        if (t.length == 3) {
          return new TypingSubject(
              DirectDialogue.canonical(t[1], t[2], "subject " + Quote.of(subject)));
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException(Quote.of(subject) + " is not a Gaimace protocol subject");
  }
}
