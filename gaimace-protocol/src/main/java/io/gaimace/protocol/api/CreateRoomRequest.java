package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;
import java.util.List;

/**
 * Creates a room. {@code visibility} is {@code public} (anyone may join) or {@code private} (by
 * invitation; the default). The creator becomes its owner; {@code members} are added at once.
 */
public record CreateRoomRequest(
    String roomId,
    @Nullable String name,
    @Nullable String topic,
    @Nullable String visibility,
    @Nullable List<String> members) {}
