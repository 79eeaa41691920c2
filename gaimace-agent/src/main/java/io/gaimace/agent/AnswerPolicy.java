package io.gaimace.agent;

import java.util.Locale;

/**
 * When an agent answers a message outside a poll or chain (those address agents by name and always
 * get an answer from each agent named).
 */
public enum AnswerPolicy {
  /** When its id or name is mentioned with {@code @}, and every direct message. */
  MENTIONED,
  /** Direct messages only. */
  DM,
  /** Every message in its rooms and direct dialogues (mind the hop limit among agents). */
  EVERY;

  /** Parses {@code mentioned}, {@code dm} or {@code every}. */
  public static AnswerPolicy parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "answer must be 'mentioned', 'dm' or 'every', not '" + text + "'", e);
    }
  }
}
