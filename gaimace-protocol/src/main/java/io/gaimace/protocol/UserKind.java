package io.gaimace.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who is behind a user id (wire values {@code human}, {@code agent}). */
public enum UserKind {
  HUMAN,
  AGENT;

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
   * @param wire a wire value such as {@code "agent"}
   * @return the constant
   * @throws IllegalArgumentException if no constant has exactly this value
   */
  @JsonCreator
  public static UserKind fromWire(String wire) {
    return WireEnums.parse(UserKind.class, wire);
  }
}
