package io.gaimace.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A user's presence status (wire values {@code online}, {@code offline}, {@code away}). */
public enum PresenceStatus {
  ONLINE,
  OFFLINE,
  AWAY;

  /**
   * The value written in JSON.
   *
   * @return the constant's name in lower case
   */
  @JsonValue
  public String wireValue() {
    return WireEnums.value(this);
  }

  /**
   * The constant with this exact wire value.
   *
   * @param wire a wire value such as {@code "online"}
   * @return the constant
   * @throws IllegalArgumentException if no constant has exactly this value
   */
  @JsonCreator
  public static PresenceStatus fromWire(String wire) {
    return WireEnums.parse(PresenceStatus.class, wire);
  }
}
