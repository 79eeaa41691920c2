package io.gaimace.sdk;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.MessageDelete;
import io.gaimace.protocol.MessageEdit;
import io.gaimace.protocol.MessageReaction;
import io.gaimace.protocol.Presence;
import io.gaimace.protocol.Profile;
import io.gaimace.protocol.ReadReceipt;
import io.gaimace.protocol.Typing;
import io.gaimace.protocol.api.MentionEvent;

/**
 * Events of a {@link GaimaceClient}. Every method does nothing by default; override what you need.
 * All methods are called on the client's single event thread, in order: messages of one dialogue
 * arrive in their dialogue order, once each, including those recovered after a reconnect. Do not
 * block in them.
 */
public interface GaimaceListener {
  /** A chat message in one of the user's dialogues (its {@code seq} is set). */
  default void onMessage(ChatMessage message) {}

  /**
   * A message was edited by its author ({@code content} is the new text). Like messages, changes
   * arrive in their dialogue's order, once each, also after a reconnect.
   */
  default void onEdit(MessageEdit edit) {}

  /** A message was deleted, by its author or a room moderator. */
  default void onDelete(MessageDelete delete) {}

  /** Someone added or removed an emoji reaction on a message. */
  default void onReaction(MessageReaction reaction) {}

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
   * A message mentioned the user with {@code @user_id}. Arrives whether or not the user watches
   * that dialogue (rooms it belongs to, direct dialogues); the message itself also arrives through
   * {@link #onMessage} when the dialogue is watched. Pass {@code mention.seq()} to {@code markRead}
   * to clear it from the dialogue's {@code unreadMentions}.
   */
  default void onMention(MentionEvent mention) {}

  /**
   * A reply stream in one of the user's dialogues grew, ended ({@code done}: the stored message
   * with the final text follows or came already) or was cancelled. Live only; call {@link
   * GaimaceClient#openStreams(String)} to catch up with streams already under way.
   */
  default void onStream(io.gaimace.protocol.StreamEvent event) {}

  /** The connection's state changed. */
  default void onConnectionState(ConnectionState state) {}
}
