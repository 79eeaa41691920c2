package io.gaimace.cli.chat;

import io.gaimace.protocol.Nullable;
import io.gaimace.protocol.PresenceStatus;

/** One line typed into the chat, as {@link CommandParser} understands it. */
sealed interface ChatInput {
  /** A blank line: nothing to do. */
  record Blank() implements ChatInput {}

  /** Text to send to the open dialogue. */
  record Say(String text) implements ChatInput {}

  record Help() implements ChatInput {}

  record Rooms() implements ChatInput {}

  record Join(String roomId) implements ChatInput {}

  record Leave() implements ChatInput {}

  /** Switch to a room, or to the direct dialogue with a user when {@code direct}. */
  record Open(String id, boolean direct) implements ChatInput {}

  record Direct(String userId, String text) implements ChatInput {}

  record Who() implements ChatInput {}

  /** The page of history before the oldest message shown. */
  record More() implements ChatInput {}

  record Create(String roomId, boolean open) implements ChatInput {}

  record Invite(String userId) implements ChatInput {}

  /** Who am I. */
  record Me() implements ChatInput {}

  record SetStatus(PresenceStatus status) implements ChatInput {}

  record Quit() implements ChatInput {}

  /** Search message text in the user's dialogues. */
  record Search(String query) implements ChatInput {}

  /** Mute a member of the open room, for {@code duration} or (null) until unmuted. */
  record Mute(String userId, java.time.@io.gaimace.protocol.Nullable Duration duration)
      implements ChatInput {}

  record Unmute(String userId) implements ChatInput {}

  /** Give a member of the open room a role: owner, moderator or member. */
  record Role(String userId, String role) implements ChatInput {}

  /** A poll ({@code chain} false: every agent answers at once) or a chain (in order). */
  record StartFlow(boolean chain, java.util.List<String> agents, String question)
      implements ChatInput {}

  /** Cancels the newest answer an agent is writing in the open dialogue. */
  record Cancel() implements ChatInput {}

  /** Roll call: which agents are online, with their profiles. */
  record Agents() implements ChatInput {}

  /** A command that does not exist. */
  record Unknown(String command) implements ChatInput {}

  /** Upload a file into the open dialogue and send it, with an optional caption. */
  record Upload(String path, @io.gaimace.protocol.Nullable String caption) implements ChatInput {}

  /** Save attachment number {@code number} to {@code path} (null: its name, here). */
  record Download(int number, @io.gaimace.protocol.Nullable String path) implements ChatInput {}

  /** List the attachments shown, with their numbers. */
  record ListFiles() implements ChatInput {}

  /** A known command with wrong arguments; {@code problem} says what is wrong and the usage. */
  record Invalid(String problem) implements ChatInput {}

  /** Answers the shown message {@code ^ref} (1 = newest shown). */
  record Reply(int ref, String text) implements ChatInput {}

  /** Replaces the text of {@code ^ref}, or of one's own newest message when null. */
  record Edit(@Nullable Integer ref, String text) implements ChatInput {}

  /** Deletes {@code ^ref}, or one's own newest message when null. */
  record Delete(@Nullable Integer ref) implements ChatInput {}

  /** Adds (or removes) a reaction on {@code ^ref}. */
  record React(int ref, String emoji, boolean add) implements ChatInput {}

  /** Shows the thread of {@code ^ref}. */
  record ShowThread(int ref) implements ChatInput {}
}
