package io.gaimace.server.rooms;

import java.time.Instant;

/** Records that a user has a direct dialogue with a peer, so it can be listed. */
public record DirectLink(String dialogueId, String peer, Instant since) {}
