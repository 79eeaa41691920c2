package io.gaimace.protocol.api;

import java.time.Instant;

/**
 * The server stored a message: its id, its dialogue, its stream sequence ({@code seq}, the position
 * clients track) and its position within the dialogue ({@code pos}, 1 for the first message).
 * {@code duplicate} is true when the request repeated an earlier client id.
 */
public record SendAck(
    String id, String dialogueId, long seq, long pos, Instant timestamp, boolean duplicate) {}
