package io.gaimace.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The id rule, checked against a reference written from the rule's wording. */
class IdsPropertyTest {

  @Property
  void generatedIdsAreValid(@ForAll("ids") String id) {
    assertThat(Ids.isValid(id)).isTrue();
    assertThat(Ids.requireValid(id, "user id")).isSameAs(id);
  }

  @Property(tries = 5000)
  void agreesWithTheReference(@ForAll("candidates") String candidate) {
    assertThat(Ids.isValid(candidate)).isEqualTo(reference(candidate));
  }

  @Property
  void anyForbiddenCharacterAnywhereMakesAnIdInvalid(
      @ForAll("ids") String id,
      @ForAll("forbidden") String bad,
      @ForAll @IntRange(max = 64) int at) {
    String injected = Gen.inject(id, bad, at);
    assertThat(Ids.isValid(injected)).isFalse();
    assertThatThrownBy(() -> Ids.requireValid(injected, "room id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("room id '")
        .hasMessageEndingWith(
            " is invalid: use 1-64 lower-case letters, digits, '-' or '_', starting with a letter"
                + " or digit");
  }

  @Property
  void tooLongIsInvalid(@ForAll("ids") String id, @ForAll @IntRange(min = 1, max = 100) int extra) {
    assertThat(Ids.isValid(id + "a".repeat(Ids.MAX_LENGTH - id.length() + extra))).isFalse();
  }

  @Property
  void mustStartWithLetterOrDigit(@ForAll("ids") String id) {
    assertThat(Ids.isValid("-" + id)).isFalse();
    assertThat(Ids.isValid("_" + id)).isFalse();
  }

  @Example
  void documentedMessage() {
    assertThatThrownBy(() -> Ids.requireValid("a.b", "room id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "room id 'a.b' is invalid: use 1-64 lower-case letters, digits, '-' or '_', starting"
                + " with a letter or digit");
  }

  @Example
  void hostileIdsAreEscapedAndCutInMessages() {
    assertThatThrownBy(() -> Ids.requireValid("x\ny", "user id"))
        .hasMessageStartingWith("user id 'x\\u000ay' is invalid");
    assertThatThrownBy(() -> Ids.requireValid("A".repeat(10_000), "user id"))
        .hasMessageStartingWith("user id '" + "A".repeat(64) + "...' is invalid");
  }

  @Example
  void emptyAndNull() {
    assertThat(Ids.isValid("")).isFalse();
    assertThat(Ids.isValid(null)).isFalse();
    assertThatThrownBy(() -> Ids.requireValid(null, "user id"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("user id must not be null");
  }

  @Example
  void boundaries() {
    assertThat(Ids.isValid("a".repeat(64))).isTrue();
    assertThat(Ids.isValid("a".repeat(65))).isFalse();
    assertThat(Ids.isValid("0")).isTrue();
    assertThat(Ids.isValid("a-b_c")).isTrue();
    assertThat(Ids.isValid("a-")).isTrue();
  }

  @Provide
  Arbitrary<String> ids() {
    return Gen.ids();
  }

  @Provide
  Arbitrary<String> forbidden() {
    return Gen.forbiddenInIds();
  }

  /** Valid and invalid characters mixed, lengths around the limit. */
  @Provide
  Arbitrary<String> candidates() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('0', '9')
        .withChars("-_.*>+ \tAZé")
        .ofMinLength(0)
        .ofMaxLength(70);
  }

  private static boolean reference(String s) {
    if (s.isEmpty() || s.length() > 64) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!letterOrDigit && (i == 0 || (c != '-' && c != '_'))) {
        return false;
      }
    }
    return true;
  }
}
