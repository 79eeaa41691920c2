package io.gaimace.agent;

/**
 * The answer being written. {@link #append(String)} sends text on to the dialogue, batched (about
 * every 50 ms), so it may be called for every token. Not thread-safe: write from one thread.
 */
public interface ReplyStream {
  /** Adds text to the answer; ignored once cancelled. */
  void append(String text);

  /** True when the sender's user or a human in the dialogue cancelled the answer. */
  boolean isCancelled();

  /** The text written so far. */
  String text();
}
