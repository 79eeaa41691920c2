package io.gaimace.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rule for user and room ids: 1 to 64 characters of {@code a-z}, {@code 0-9}, {@code -} and
 * {@code _}, starting with a letter or digit.
 *
 * <p>Ids become NATS subject tokens, so the rule keeps out everything a subject gives meaning to
 * ({@code .} separates tokens, {@code *} and {@code >} are wildcards, whitespace ends the subject)
 * as well as {@code +}, which joins the two users of a direct dialogue id. Lower case only, so
 * "Alice" and "alice" cannot be two users.
 */
public final class Ids {
  /** The longest id, in characters. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private Ids() {}

  /**
   * Whether {@code id} is a valid user or room id.
   *
   * @param id nullable: the candidate; null is not valid
   * @return true if it can be used as an id
   */
  public static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }

  /**
   * Returns {@code id} if it is valid, or explains why not.
   *
   * @param id the candidate
   * @param what what the id names, for the message, such as {@code "room id"}
   * @return {@code id}
   * @throws IllegalArgumentException naming the id and the rule, e.g. {@code room id 'a.b' is
   *     invalid: use 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit}
   * @throws NullPointerException if {@code id} is null
   */
  public static String requireValid(String id, String what) {
    Objects.requireNonNull(id, () -> what + " must not be null");
    if (!isValid(id)) {
      throw new IllegalArgumentException(
          what
              + " "
              + Quote.of(id)
              + " is invalid: use 1-64 lower-case letters, digits, '-' or '_',"
              + " starting with a letter or digit");
    }
    return id;
  }
}
