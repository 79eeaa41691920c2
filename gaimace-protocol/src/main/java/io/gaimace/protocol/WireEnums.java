package io.gaimace.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one rule mapping protocol enums to their wire values: the constant's name in lower case,
 * matched exactly (Jackson's own enum reading would trim whitespace around the value).
 */
final class WireEnums {
  private WireEnums() {}

  static String value(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  static <E extends Enum<E>> E parse(Class<E> type, String wire) {
    for (E constant : type.getEnumConstants()) {
      if (value(constant).equals(wire)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        Quote.of(String.valueOf(wire)) + " is not one of " + choices(type));
  }

  /** The accepted wire values, comma separated, for error messages. */
  static String choices(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(c -> value((Enum<?>) c))
        .collect(Collectors.joining(", "));
  }
}
