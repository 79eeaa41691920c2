package io.gaimace.protocol;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.StringArbitrary;

/** jqwik generators for protocol values, shared by the property tests. */
final class Gen {
  /** Text that stresses encoders: grapheme clusters, bidi, escapes, noncharacters. */
  static final List<String> TRICKY_TEXT =
      List.of(
          "😀", // astral plane, a surrogate pair in Java
          "👩‍👩‍👧‍👦", // ZWJ sequence
          "🏳️‍🌈", // variation selector + ZWJ
          "🇩🇪🇯🇵", // regional-indicator flags
          "👍🏽", // skin-tone modifier
          "שלום עולם", // right-to-left Hebrew
          "مرحبا", // right-to-left Arabic
          "\u202eevil\u202c", // bidi override
          "e\u0301", // combining accent
          "𝕳𝖊𝖑𝖑𝖔", // mathematical letters, astral
          "中文字符",
          "\u0000\u0001\u001f\u007f", // control characters JSON must escape
          "\n\r\t\b\f",
          "\"\\/'",
          "\u2028\u2029", // line separators JavaScript chokes on
          "\ufeff", // byte-order mark
          "\ufffe\uffff", // noncharacters: valid Unicode, must survive
          "</script>",
          "");

  private Gen() {}

  /** Valid user or room ids, short and up to the 64-character limit. */
  static Arbitrary<String> ids() {
    Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('0', '9');
    StringArbitrary rest =
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars("-_");
    return Combinators.combine(first, rest.ofMaxLength(Ids.MAX_LENGTH - 1))
        .as((f, r) -> f + r)
        .edgeCases(e -> e.add("a").add("0").add("a".repeat(Ids.MAX_LENGTH)));
  }

  /** Single characters an id must never contain: subject syntax, whitespace, upper case. */
  static Arbitrary<String> forbiddenInIds() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            ".", "*", ">", " ", "\t", "\n", "\r", "+", "\u0000", "/", "$", "é", "ａ", "İ", "\u00a0",
            "\u200b", "😀"),
        Arbitraries.chars().range('A', 'Z').map(String::valueOf));
  }

  /** {@code text} with {@code insert} put in at {@code at}, or at the end if it is shorter. */
  static String inject(String text, String insert, int at) {
    int i = Math.min(at, text.length());
    return text.substring(0, i) + insert + text.substring(i);
  }

  /** Two different valid ids. */
  static Arbitrary<List<String>> idPairs() {
    return ids().list().ofSize(2).uniqueElements();
  }

  /** Any well-formed Unicode string: random code points mixed with tricky sequences. */
  static Arbitrary<String> text() {
    Arbitrary<String> codePoint =
        Arbitraries.integers()
            .between(0, Character.MAX_CODE_POINT)
            .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
            .map(Character::toString);
    Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(8);
    return Arbitraries.frequencyOf(
            Tuple.of(3, codePoint), Tuple.of(3, ascii), Tuple.of(2, Arbitraries.of(TRICKY_TEXT)))
        .list()
        .ofMaxSize(12)
        .map(parts -> String.join("", parts));
  }

  /** Instants from year 1 to 9999, with any nanoseconds. */
  static Arbitrary<Instant> instants() {
    long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999));
    return Combinators.combine(Arbitraries.longs().between(min, max), nanos)
        .as(Instant::ofEpochSecond)
        .edgeCases(e -> e.add(Instant.EPOCH).add(Instant.parse("2023-10-22T14:48:00Z")));
  }

  static Arbitrary<ChatMessage> chatMessages() {
    return Combinators.combine(
            text(),
            text(),
            text().injectNull(0.3),
            instants(),
            text(),
            text().injectNull(0.3),
            Arbitraries.longs().injectNull(0.3),
            text().injectNull(0.3))
        .as(ChatMessage::new);
  }

  static Arbitrary<Presence> presences() {
    return Combinators.combine(
            text(), Arbitraries.of(PresenceStatus.class), instants().injectNull(0.5))
        .as(Presence::new);
  }

  static Arbitrary<Typing> typings() {
    return Combinators.combine(text(), Arbitraries.of(TypingStatus.class), text().injectNull(0.5))
        .as(Typing::new);
  }

  static Arbitrary<ErrorMessage> errors() {
    return Combinators.combine(text(), text().injectNull(0.5), text().injectNull(0.5))
        .as(ErrorMessage::new);
  }

  static Arbitrary<ReadReceipt> receipts() {
    return Combinators.combine(
            text(), text(), Arbitraries.longs().injectNull(0.5), instants().injectNull(0.5))
        .as(ReadReceipt::new);
  }

  static Arbitrary<Profile> profiles() {
    return Combinators.combine(
            text(),
            text(),
            text().injectNull(0.5),
            Arbitraries.of(UserKind.class).injectNull(0.5),
            text().injectNull(0.5))
        .as(Profile::new);
  }

  /** A message of any of the protocol's types. */
  static Arbitrary<GaimaceMessage> messages() {
    return Arbitraries.oneOf(
        chatMessages(), presences(), typings(), errors(), receipts(), profiles());
  }
}
