package io.gaimace.protocol.api;

/**
 * Deletes a message ({@code message.delete}): the caller's own, or any message of a room the caller
 * moderates. The reply is the message in its new state (deleted, no content).
 */
public record DeleteRequest(String dialogueId, String messageId) {}
