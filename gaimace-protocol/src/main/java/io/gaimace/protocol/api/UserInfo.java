package io.gaimace.protocol.api;

import java.time.Instant;

/** Admin view of a user account. */
public record UserInfo(String userId, String name, String kind, boolean admin, Instant createdAt) {}
