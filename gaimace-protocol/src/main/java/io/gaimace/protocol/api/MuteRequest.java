package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;
import java.time.Instant;

/**
 * Mutes a room member: it can still read, but its sends are refused with {@code muted}. Without
 * {@code until} the mute lasts until {@code room.unmute}.
 */
public record MuteRequest(String roomId, String userId, @Nullable Instant until) {}
