package io.gaimace.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Subject builders and the parser: exact shapes, one subject per pair, no injection. */
class SubjectsPropertyTest {

  @Property
  void roomSubjects(@ForAll("ids") String room) {
    assertThat(Subjects.room(room)).isEqualTo("chat.room." + room);
    assertThat(Subjects.typingRoom(room)).isEqualTo("typing." + room);
    assertThat(Subjects.parse(Subjects.room(room)))
        .isEqualTo(new ChatSubject(new RoomDialogue(room)));
    assertThat(Subjects.parse(Subjects.typingRoom(room)))
        .isEqualTo(new TypingSubject(new RoomDialogue(room)));
  }

  @Property
  void presenceSubjects(@ForAll("ids") String user) {
    assertThat(Subjects.presence(user)).isEqualTo("presence." + user);
    assertThat(Subjects.parse(Subjects.presence(user))).isEqualTo(new PresenceSubject(user));
  }

  @Property
  void directSubjectsAreCanonicalWhateverTheOrder(@ForAll("pairs") List<String> pair) {
    String x = pair.get(0);
    String y = pair.get(1);
    String lo = x.compareTo(y) < 0 ? x : y;
    String hi = x.compareTo(y) < 0 ? y : x;
    assertThat(Subjects.direct(x, y))
        .isEqualTo(Subjects.direct(y, x))
        .isEqualTo("chat.private." + lo + "." + hi);
    assertThat(Subjects.typingDirect(x, y))
        .isEqualTo(Subjects.typingDirect(y, x))
        .isEqualTo("typing." + lo + "." + hi);
    assertThat(Subjects.parse(Subjects.direct(y, x)))
        .isEqualTo(new ChatSubject(DirectDialogue.between(x, y)));
  }

  @Property
  void nonCanonicalDirectSubjectsAreRefused(@ForAll("pairs") List<String> pair) {
    String lo = pair.get(0).compareTo(pair.get(1)) < 0 ? pair.get(0) : pair.get(1);
    String hi = lo.equals(pair.get(0)) ? pair.get(1) : pair.get(0);
    assertThatThrownBy(() -> Subjects.parse("chat.private." + hi + "." + lo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in sorted order");
    assertThatThrownBy(() -> Subjects.parse("typing." + hi + "." + lo))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void sameUserTwiceIsRefused(@ForAll("ids") String user) {
    assertThatThrownBy(() -> Subjects.direct(user, user))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Subjects.parse("chat.private." + user + "." + user))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void dialogueSubjectsAgreeWithTheDirectBuilders(@ForAll("dialogues") Dialogue dialogue) {
    String chat = Subjects.chat(dialogue);
    String typing = Subjects.typing(dialogue);
    assertThat(Subjects.parse(chat)).isEqualTo(new ChatSubject(dialogue));
    assertThat(Subjects.parse(typing)).isEqualTo(new TypingSubject(dialogue));
    assertThat(Dialogue.parse(dialogue.id())).isEqualTo(dialogue);
  }

  @Property
  void everyBuilderRefusesInjection(
      @ForAll("ids") String valid,
      @ForAll("ids") String base,
      @ForAll("forbidden") String bad,
      @ForAll @IntRange(max = 64) int at) {
    String evil = Gen.inject(base, bad, at);
    List<Function<String, Object>> builders =
        List.of(
            Subjects::room,
            Subjects::presence,
            Subjects::typingRoom,
            id -> Subjects.direct(id, valid),
            id -> Subjects.direct(valid, id),
            id -> Subjects.typingDirect(id, valid),
            id -> Subjects.typingDirect(valid, id),
            id -> Subjects.chat(Dialogue.room(id)),
            Subjects::directWildcards,
            Subjects::typingDirectWildcards);
    for (Function<String, Object> build : builders) {
      assertThatThrownBy(() -> build.apply(evil)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Property
  void parseRefusesInjectedCharacters(
      @ForAll("subjects") String subject,
      @ForAll("forbiddenButDot") String bad,
      @ForAll @IntRange(max = 200) int at) {
    String evil = Gen.inject(subject, bad, at);
    assertThatThrownBy(() -> Subjects.parse(evil)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Parse accepts only canonical subjects: whatever it accepts, it would have built. */
  @Property(tries = 5000)
  void parseAcceptsOnlyWhatTheBuildersProduce(@ForAll("subjectLike") String candidate) {
    SubjectRef ref;
    try {
      ref = Subjects.parse(candidate);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    assertThat(ref.subject()).isEqualTo(candidate);
  }

  @Property
  void builtSubjectsRoundTrip(@ForAll("subjects") String subject) {
    assertThat(Subjects.parse(subject).subject()).isEqualTo(subject);
  }

  @Example
  void wildcardsForPermissions() {
    assertThat(Subjects.directWildcards("bob"))
        .containsExactly("chat.private.bob.*", "chat.private.*.bob");
    assertThat(Subjects.typingDirectWildcards("bob"))
        .containsExactly("typing.bob.*", "typing.*.bob");
    assertThat(
            List.of(
                Subjects.ALL_ROOMS,
                Subjects.ALL_DIRECT,
                Subjects.ALL_PRESENCE,
                Subjects.ALL_TYPING))
        .containsExactly("chat.room.*", "chat.private.*.*", "presence.*", "typing.>");
  }

  @Example
  void malformedSubjects() {
    for (String s :
        List.of(
            "",
            "chat",
            "chat.room",
            "chat.room.",
            "chat.room.a.b",
            "chat.private.a",
            "chat.private.a.b.c",
            "chat.group.a",
            "presence",
            "presence.",
            "presence.a.b",
            "typing",
            "typing.",
            "typing.a.b.c",
            "dialogue.a",
            ".chat.room.a",
            "chat.room.a.",
            "chat.room.*",
            "chat.room.>",
            "presence.*",
            "typing.>",
            "CHAT.room.a",
            "chat.room.A")) {
      assertThatThrownBy(() -> Subjects.parse(s))
          .as(s)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Subjects.parse("chat.group.a"))
        .hasMessage("'chat.group.a' is not a Gaimace protocol subject");
  }

  @Provide
  Arbitrary<String> ids() {
    return Gen.ids();
  }

  @Provide
  Arbitrary<List<String>> pairs() {
    return Gen.idPairs();
  }

  @Provide
  Arbitrary<Dialogue> dialogues() {
    return Arbitraries.oneOf(
        Gen.ids().map(RoomDialogue::new),
        Gen.idPairs().map(p -> DirectDialogue.between(p.get(0), p.get(1))));
  }

  @Provide
  Arbitrary<String> subjects() {
    return Arbitraries.oneOf(
        Gen.ids().map(Subjects::room),
        Gen.ids().map(Subjects::presence),
        Gen.ids().map(Subjects::typingRoom),
        Gen.idPairs().map(p -> Subjects.direct(p.get(0), p.get(1))),
        Gen.idPairs().map(p -> Subjects.typingDirect(p.get(0), p.get(1))));
  }

  @Provide
  Arbitrary<String> forbidden() {
    return Gen.forbiddenInIds();
  }

  @Provide
  Arbitrary<String> forbiddenButDot() {
    // A '.' can turn one valid subject into another (typing.ab -> typing.a.b), so it is
    // covered by parseAcceptsOnlyWhatTheBuildersProduce instead.
    return Gen.forbiddenInIds().filter(c -> !c.equals("."));
  }

  /** Token soup: prefixes, short ids, separators and wildcards in any order. */
  @Provide
  Arbitrary<String> subjectLike() {
    return Arbitraries.of(
            "chat",
            "room",
            "private",
            "presence",
            "typing",
            "a",
            "b",
            "al",
            "bo",
            "0",
            "-",
            "_",
            "*",
            ">",
            "",
            " ",
            "A")
        .list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .map(tokens -> String.join(".", tokens));
  }
}
