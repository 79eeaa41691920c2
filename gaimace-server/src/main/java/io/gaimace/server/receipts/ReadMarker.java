package io.gaimace.server.receipts;

import java.time.Instant;

/** How far a user has read a dialogue: up to stream sequence {@code seq}, position {@code pos}. */
public record ReadMarker(long seq, long pos, Instant at) {}
