package io.gaimace.protocol.api;

/** Marks a dialogue read up to and including the message at stream sequence {@code seq}. */
public record ReadRequest(String dialogueId, long seq) {}
