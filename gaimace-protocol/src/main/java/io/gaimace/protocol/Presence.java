package io.gaimace.protocol;

import java.time.Instant;

/**
 * A user's presence (protocol format 2, {@code "type":"presence"}).
 *
 * @param userId the user whose status this is
 * @param status online, offline or away
 * @param lastSeen nullable extension: when the user was last connected, useful with {@code offline}
 */
public record Presence(String userId, PresenceStatus status, @Nullable Instant lastSeen)
    implements GaimaceMessage {

  /** The wire discriminator of this format. */
  public static final String TYPE = "presence";

  /** Validates required fields and that all text is well-formed Unicode. */
  public Presence {
    Fields.requireText(userId, "user_id");
    Fields.require(status, "status");
  }

  /** A presence without {@code last_seen}, as in the original protocol. */
  public Presence(String userId, PresenceStatus status) {
    this(userId, status, null);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
