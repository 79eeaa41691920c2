package io.gaimace.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One message of the Gaimace protocol, as carried in JSON on a NATS subject.
 *
 * <p>The family is closed: handling its records handles every message (and from Java 21 a pattern
 * {@code switch} over it is checked for exhaustiveness): the seven formats of the protocol and the
 * additive extensions {@link MessageEdit}, {@link MessageDelete} and {@link MessageReaction} (see
 * {@link MessageEvent}). Adding a type here is a deliberate, visible change for every consumer.
 */
@JsonPropertyOrder({"type"}) // the spec's examples lead with the discriminator; so do we
public sealed interface GaimaceMessage
    permits ChatMessage,
        Presence,
        Typing,
        ErrorMessage,
        ReadReceipt,
        Profile,
        MessageEdit,
        MessageDelete,
        MessageReaction {

  /**
   * The wire discriminator, the JSON {@code type} field (for example {@code "message"}).
   *
   * @return this record's constant type name
   */
  @JsonProperty("type")
  String type();
}
