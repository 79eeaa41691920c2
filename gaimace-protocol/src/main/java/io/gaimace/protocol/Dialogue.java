package io.gaimace.protocol;

import java.util.Objects;

/**
 * A conversation with one history: a room, or the single direct dialogue between two users.
 *
 * <p>Its {@link #id()} is the protocol's {@code dialogue_id}: a room's id is the room id; a direct
 * dialogue's id is the two user ids in order joined by {@code +} (for example {@code alice+bob}).
 * {@code +} is not allowed in ids, so the two kinds never collide.
 */
public sealed interface Dialogue permits RoomDialogue, DirectDialogue {

  /**
   * The {@code dialogue_id} of this dialogue.
   *
   * @return the id, the same for every user of the dialogue
   */
  String id();

  /**
   * A room's dialogue.
   *
   * @param roomId a valid room id
   * @return the dialogue
   */
  static RoomDialogue room(String roomId) {
    return new RoomDialogue(roomId);
  }

  /**
   * The direct dialogue of two users, in either order.
   *
   * @param a one user id
   * @param b another user id
   * @return the dialogue, the same whatever the argument order
   */
  static DirectDialogue direct(String a, String b) {
    return DirectDialogue.between(a, b);
  }

  /**
   * Reads a {@code dialogue_id}.
   *
   * @param dialogueId a room id, or {@code lo+hi} with {@code lo} before {@code hi}
   * @return the dialogue it names
   * @throws IllegalArgumentException if an id is invalid or the users are not in canonical order,
   *     because a second spelling of a direct dialogue would split its history
   */
  static Dialogue parse(String dialogueId) {
    Objects.requireNonNull(dialogueId, "dialogueId");
    int plus = dialogueId.indexOf('+');
    if (plus < 0) {
      return new RoomDialogue(dialogueId);
    }
    return DirectDialogue.canonical(
        dialogueId.substring(0, plus), dialogueId.substring(plus + 1), "dialogue id");
  }
}
