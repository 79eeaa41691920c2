package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;
import java.util.List;

/** Asks for the presence of some users, or of every known user when {@code userIds} is absent. */
public record PresenceRequest(@Nullable List<String> userIds) {}
