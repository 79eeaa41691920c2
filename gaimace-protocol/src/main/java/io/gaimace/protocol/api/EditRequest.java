package io.gaimace.protocol.api;

/**
 * Replaces the text of one of the caller's own messages ({@code message.edit}). The reply is the
 * message in its new state.
 */
public record EditRequest(String dialogueId, String messageId, String content) {}
