package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/**
 * Adds or removes the caller's reaction on a message ({@code message.react}). {@code emoji} is one
 * emoji as Unicode or a {@code :shortcode:}; {@code action} is {@code add} (the default) or {@code
 * remove}. The reply is the message in its new state.
 */
public record ReactRequest(
    String dialogueId, String messageId, String emoji, @Nullable String action) {}
