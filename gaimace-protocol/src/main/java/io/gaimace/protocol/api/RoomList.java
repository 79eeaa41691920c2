package io.gaimace.protocol.api;

import java.util.List;

/** Rooms: the caller's, plus the public ones it may join. */
public record RoomList(List<RoomInfo> rooms) {
  public RoomList {
    rooms = List.copyOf(rooms);
  }
}
