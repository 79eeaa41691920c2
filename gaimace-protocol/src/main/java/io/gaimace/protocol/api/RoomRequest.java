package io.gaimace.protocol.api;

/** Names a room: for get, join, leave and members. */
public record RoomRequest(String roomId) {}
