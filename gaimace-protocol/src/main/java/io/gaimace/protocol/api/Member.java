package io.gaimace.protocol.api;

import java.time.Instant;

/** A member of a room with its role ({@code owner}, {@code moderator} or {@code member}). */
public record Member(String userId, String role, Instant joinedAt) {
  public static final String OWNER = "owner";
  public static final String MODERATOR = "moderator";
  public static final String MEMBER = "member";
}
