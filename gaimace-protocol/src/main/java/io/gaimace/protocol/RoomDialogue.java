package io.gaimace.protocol;

/**
 * The dialogue of a room; its id is the room id.
 *
 * @param roomId a valid room id (see {@link Ids})
 */
public record RoomDialogue(String roomId) implements Dialogue {

  /** Validates the room id. */
  public RoomDialogue {
    Ids.requireValid(roomId, "room id");
  }

  @Override
  public String id() {
    return roomId;
  }
}
