package io.gaimace.protocol;

/**
 * The one direct dialogue between two different users.
 *
 * <p>The constructor puts the users in canonical order ({@code a} before {@code b}, comparing ids
 * as strings), so {@code new DirectDialogue("bob", "alice")} equals {@code new
 * DirectDialogue("alice", "bob")} and both have the id {@code alice+bob}.
 *
 * @param a the user id that sorts first
 * @param b the user id that sorts second
 */
public record DirectDialogue(String a, String b) implements Dialogue {

  /** Validates both ids, refuses a dialogue with oneself, and orders the pair. */
  public DirectDialogue {
    Ids.requireValid(a, "user id");
    Ids.requireValid(b, "user id");
    if (a.equals(b)) {
      throw new IllegalArgumentException(
          "a direct dialogue needs two different users, got " + Quote.of(a) + " twice");
    }
    if (a.compareTo(b) > 0) {
      String first = b;
      b = a;
      a = first;
    }
  }

  /**
   * The direct dialogue of two users, in either order.
   *
   * @param x one user id
   * @param y another user id
   * @return the dialogue
   */
  public static DirectDialogue between(String x, String y) {
    return new DirectDialogue(x, y);
  }

  /**
   * Builds a dialogue from a pair read off the wire, which must already be in canonical order.
   *
   * @param what what was being read, for the message
   */
  static DirectDialogue canonical(String lo, String hi, String what) {
    DirectDialogue dialogue = new DirectDialogue(lo, hi);
    if (!dialogue.a().equals(lo)) {
      throw new IllegalArgumentException(
          what + " must name " + Quote.of(hi) + " before " + Quote.of(lo) + ", in sorted order");
    }
    return dialogue;
  }

  @Override
  public String id() {
    return a + "+" + b;
  }

  /**
   * Whether {@code userId} is one of the two users.
   *
   * @param userId a user id
   * @return true if it is {@code a} or {@code b}
   */
  public boolean includes(String userId) {
    return a.equals(userId) || b.equals(userId);
  }

  /**
   * The other user of the dialogue, such as a message's recipient given its sender.
   *
   * @param userId one of the two users
   * @return the other one
   * @throws IllegalArgumentException if {@code userId} is not in this dialogue
   */
  public String other(String userId) {
    if (a.equals(userId)) {
      return b;
    }
    if (b.equals(userId)) {
      return a;
    }
    throw new IllegalArgumentException(
        "user " + Quote.of(String.valueOf(userId)) + " is not in dialogue " + Quote.of(id()));
  }
}
