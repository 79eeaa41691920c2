package io.gaimace.cli.chat;

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

  /** A poll ({@code chain} false: every agent answers at once) or a chain (in order). */
  record StartFlow(boolean chain, java.util.List<String> agents, String question)
      implements ChatInput {}

  /** Cancels the newest answer an agent is writing in the open dialogue. */
  record Cancel() implements ChatInput {}

  /** Roll call: which agents are online, with their profiles. */
  record Agents() implements ChatInput {}

  /** A command that does not exist. */
  record Unknown(String command) implements ChatInput {}

  /** A known command with wrong arguments; {@code problem} says what is wrong and the usage. */
  record Invalid(String problem) implements ChatInput {}
}
