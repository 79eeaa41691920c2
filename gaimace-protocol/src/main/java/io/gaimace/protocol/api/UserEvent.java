package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/**
 * An event for one user, sent on {@code gaimace.user.<user_id>}: {@code type} is {@code membership}
 * (the user's rooms changed; its permissions follow at its next connect, which the server forces
 * when rights are taken away) or another additive event kind.
 */
public record UserEvent(
    String type, @Nullable String roomId, @Nullable String change, @Nullable String by) {
  public static final String MEMBERSHIP = "membership";

  /** The user's role in a room changed; {@code change} is the new role. */
  public static final String ROLE = "role";

  /**
   * The user was muted or unmuted in a room; {@code change} is {@code muted} or {@code unmuted}.
   */
  public static final String MUTE = "mute";
}
