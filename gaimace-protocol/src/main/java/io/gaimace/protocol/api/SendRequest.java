package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/**
 * Asks the server to post a chat message. Exactly one of {@code dialogueId} (a room id, or a direct
 * dialogue id {@code a+b}) and {@code recipient} (a user id, for a direct message) is given. A
 * {@code clientId} makes a resend idempotent: the same sender and client id store one message.
 */
public record SendRequest(
    @Nullable String dialogueId,
    @Nullable String recipient,
    String content,
    @Nullable String clientId) {}
