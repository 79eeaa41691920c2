package io.gaimace.protocol.api;

/** Names a room and a user: for invite, remove, ban and unban. */
public record MemberRequest(String roomId, String userId) {}
