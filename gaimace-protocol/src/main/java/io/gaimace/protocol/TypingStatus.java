package io.gaimace.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a user is typing (wire values {@code typing}, {@code stopped}). */
public enum TypingStatus {
  TYPING,
  STOPPED;

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
   * @param wire a wire value such as {@code "typing"}
   * @return the constant
   * @throws IllegalArgumentException if no constant has exactly this value
   */
  @JsonCreator
  public static TypingStatus fromWire(String wire) {
    return WireEnums.parse(TypingStatus.class, wire);
  }
}
