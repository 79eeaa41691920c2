package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/** Names one dialogue (a room id or a direct dialogue id). */
public record DialogueRequest(@Nullable String dialogueId) {}
