package io.gaimace.protocol;

import java.util.List;

/**
 * One emoji's reactions on a message (additive extension): who reacted with it, in the order they
 * did. The count is {@code users.size()}; a user reacts at most once per emoji.
 *
 * @param emoji the emoji, as Unicode (never a {@code :shortcode:})
 * @param users user ids of those who reacted
 */
public record Reaction(String emoji, List<String> users) {
  /** Validates and copies. */
  public Reaction {
    Fields.requireText(emoji, "emoji");
    users = List.copyOf(Fields.require(users, "users"));
  }
}
