package io.gaimace.protocol;

import java.util.List;
import java.util.Objects;

/**
 * The protocol's NATS subjects: builders, wildcards and a strict parser.
 *
 * <table>
 *   <caption>Subjects</caption>
 *   <tr><td>{@code chat.room.<room_id>}</td><td>messages of a room</td></tr>
 *   <tr><td>{@code chat.private.<lo>.<hi>}</td><td>messages between two users</td></tr>
 *   <tr><td>{@code presence.<user_id>}</td><td>a user's presence</td></tr>
 *   <tr><td>{@code typing.<room_id>}, {@code typing.<lo>.<hi>}</td><td>typing indicators</td></tr>
 * </table>
 *
 * <p>Every id is checked by {@link Ids}, so no argument can add a token or a wildcard. A pair of
 * users always yields the same subject, {@code lo} being the id that sorts first.
 */
public final class Subjects {
  /** Matches every room's chat subject. */
  public static final String ALL_ROOMS = "chat.room.*";

  /** Matches every direct dialogue's chat subject. */
  public static final String ALL_DIRECT = "chat.private.*.*";

  /** Matches every user's presence subject. */
  public static final String ALL_PRESENCE = "presence.*";

  /** Matches every typing subject, of rooms and of direct dialogues. */
  public static final String ALL_TYPING = "typing.>";

  private static final String ROOM = "chat.room.";
  private static final String DIRECT = "chat.private.";
  private static final String PRESENCE = "presence.";
  private static final String TYPING = "typing.";

  private Subjects() {}

  /**
   * The chat subject of a room.
   *
   * @param roomId a valid room id
   * @return {@code chat.room.<room_id>}
   */
  public static String room(String roomId) {
    return ROOM + Ids.requireValid(roomId, "room id");
  }

  /**
   * The chat subject of the direct dialogue between two users, in either order.
   *
   * @param a one user id
   * @param b another user id
   * @return {@code chat.private.<lo>.<hi>}
   */
  public static String direct(String a, String b) {
    return pair(DIRECT, a, b);
  }

  /**
   * The presence subject of a user.
   *
   * @param userId a valid user id
   * @return {@code presence.<user_id>}
   */
  public static String presence(String userId) {
    return PRESENCE + Ids.requireValid(userId, "user id");
  }

  /**
   * The typing subject of a room.
   *
   * @param roomId a valid room id
   * @return {@code typing.<room_id>}
   */
  public static String typingRoom(String roomId) {
    return TYPING + Ids.requireValid(roomId, "room id");
  }

  /**
   * The typing subject of the direct dialogue between two users, in either order.
   *
   * @param a one user id
   * @param b another user id
   * @return {@code typing.<lo>.<hi>}
   */
  public static String typingDirect(String a, String b) {
    return pair(TYPING, a, b);
  }

  /**
   * The chat subject of a dialogue.
   *
   * @param dialogue a room or direct dialogue
   * @return its chat subject
   */
  public static String chat(Dialogue dialogue) {
    if (Objects.requireNonNull(dialogue, "dialogue") instanceof RoomDialogue r) {
      return room(r.roomId());
    }
    DirectDialogue d = (DirectDialogue) dialogue; // sealed: the only other kind
    return direct(d.a(), d.b());
  }

  /**
   * The typing subject of a dialogue.
   *
   * @param dialogue a room or direct dialogue
   * @return its typing subject
   */
  public static String typing(Dialogue dialogue) {
    if (Objects.requireNonNull(dialogue, "dialogue") instanceof RoomDialogue r) {
      return typingRoom(r.roomId());
    }
    DirectDialogue d = (DirectDialogue) dialogue; // sealed: the only other kind
    return typingDirect(d.a(), d.b());
  }

  /**
   * The two wildcards covering a user's direct dialogues, for permissions: the user sorts first in
   * some pairs and second in others.
   *
   * @param userId a valid user id
   * @return {@code chat.private.<user_id>.*} and {@code chat.private.*.<user_id>}
   */
  public static List<String> directWildcards(String userId) {
    Ids.requireValid(userId, "user id");
    return List.of(DIRECT + userId + ".*", DIRECT + "*." + userId);
  }

  /**
   * The two wildcards covering typing in a user's direct dialogues; they never match a room's
   * typing subject, which has one token fewer.
   *
   * @param userId a valid user id
   * @return {@code typing.<user_id>.*} and {@code typing.*.<user_id>}
   */
  public static List<String> typingDirectWildcards(String userId) {
    Ids.requireValid(userId, "user id");
    return List.of(TYPING + userId + ".*", TYPING + "*." + userId);
  }

  private static String pair(String prefix, String a, String b) {
    DirectDialogue d = DirectDialogue.between(a, b);
    return prefix + d.a() + "." + d.b();
  }

  /**
   * Reads a concrete protocol subject.
   *
   * @param subject a subject, without wildcards
   * @return what it refers to
   * @throws IllegalArgumentException if it is not a protocol subject, contains an invalid id, or
   *     names the users of a direct dialogue out of order
   */
  public static SubjectRef parse(String subject) {
    return SubjectParser.parse(subject);
  }
}
