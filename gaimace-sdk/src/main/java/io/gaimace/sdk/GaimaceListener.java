package io.gaimace.sdk;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Presence;
import io.gaimace.protocol.Profile;
import io.gaimace.protocol.ReadReceipt;
import io.gaimace.protocol.Typing;

/**
 * Events of a {@link GaimaceClient}. Every method does nothing by default; override what you need.
 * All methods are called on the client's single event thread, in order: messages of one dialogue
 * arrive in their dialogue order, once each, including those recovered after a reconnect. Do not
 * block in them.
 */
public interface GaimaceListener {
  /** A chat message in one of the user's dialogues (its {@code seq} is set). */
  default void onMessage(ChatMessage message) {}

  /** Someone's presence changed. */
  default void onPresence(Presence presence) {}

  /**
   * Someone is typing, or stopped. A {@code typing} that is not refreshed within a few seconds is
   * followed by a synthetic {@code stopped}.
   */
  default void onTyping(Typing typing) {}

  /** Someone read a dialogue up to a message. */
  default void onRead(ReadReceipt receipt) {}

  /** Someone changed their profile. */
  default void onProfile(Profile profile) {}

  /** The user gained or lost a room ({@code change}: added, left, removed, banned). */
  default void onMembership(String roomId, String change) {}

  /**
   * A reply stream in one of the user's dialogues grew, ended ({@code done}: the stored message
   * with the final text follows or came already) or was cancelled. Live only; call {@link
   * GaimaceClient#openStreams(String)} to catch up with streams already under way.
   */
  default void onStream(io.gaimace.protocol.StreamEvent event) {}

  /** The connection's state changed. */
  default void onConnectionState(ConnectionState state) {}
}
