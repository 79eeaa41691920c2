package io.gaimace.cli.chat;

import org.jline.utils.AttributedStyle;

/**
 * The chat's styles. With colour: others' names in a colour picked by a stable hash of their id,
 * one's own messages faint, system lines grey, errors red. Without colour every style is plain.
 */
final class Theme {
  private static final int[] NAME_COLOURS = {
    AttributedStyle.RED,
    AttributedStyle.GREEN,
    AttributedStyle.YELLOW,
    AttributedStyle.BRIGHT + AttributedStyle.BLUE,
    AttributedStyle.MAGENTA,
    AttributedStyle.CYAN
  };
  private static final AttributedStyle PLAIN = AttributedStyle.DEFAULT;
  private static final AttributedStyle GREY =
      PLAIN.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK);

  private final boolean colour;

  private Theme(boolean colour) {
    this.colour = colour;
  }

  static Theme colour() {
    return new Theme(true);
  }

  static Theme plain() {
    return new Theme(false);
  }

  boolean isColour() {
    return colour;
  }

  /** Index into the palette for a user id; the same id gets the same colour in every run. */
  static int colourIndex(String userId) {
    return Math.floorMod(userId.hashCode(), NAME_COLOURS.length);
  }

  AttributedStyle name(String userId) {
    return pick(PLAIN.foreground(NAME_COLOURS[colourIndex(userId)]).bold());
  }

  AttributedStyle ownName() {
    return pick(PLAIN.faint().bold());
  }

  AttributedStyle ownText() {
    return pick(PLAIN.faint());
  }

  AttributedStyle text() {
    return PLAIN;
  }

  AttributedStyle time() {
    return pick(GREY);
  }

  AttributedStyle system() {
    return pick(GREY);
  }

  AttributedStyle error() {
    return pick(PLAIN.foreground(AttributedStyle.RED).bold());
  }

  AttributedStyle warning() {
    return pick(PLAIN.foreground(AttributedStyle.YELLOW));
  }

  AttributedStyle good() {
    return pick(PLAIN.foreground(AttributedStyle.GREEN));
  }

  /** Dialogue labels such as {@code #lobby} and {@code @bob}. */
  AttributedStyle dialogue() {
    return pick(PLAIN.foreground(AttributedStyle.CYAN).bold());
  }

  AttributedStyle emphasis() {
    return pick(PLAIN.bold());
  }

  /** Mentions of the user: its {@code @id} in messages, and mention notices. */
  AttributedStyle mention() {
    return pick(PLAIN.foreground(AttributedStyle.YELLOW).bold());
  }

  AttributedStyle typing() {
    return pick(GREY.italic());
  }

  private AttributedStyle pick(AttributedStyle style) {
    return colour ? style : PLAIN;
  }
}
