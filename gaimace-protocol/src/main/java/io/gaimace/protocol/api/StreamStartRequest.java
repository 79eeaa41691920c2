package io.gaimace.protocol.api;

import io.gaimace.protocol.AgentMeta;
import io.gaimace.protocol.Nullable;

/**
 * Opens a reply stream in a dialogue ({@code stream.start}).
 *
 * @param dialogueId the room id or direct dialogue id
 * @param replyTo nullable: the message being answered
 * @param agent nullable: hop count and flow the final message will carry
 */
public record StreamStartRequest(
    String dialogueId, @Nullable String replyTo, @Nullable AgentMeta agent) {}
