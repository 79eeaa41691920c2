package io.gaimace.cli.chat;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.MessageDelete;
import io.gaimace.protocol.MessageEdit;
import io.gaimace.protocol.MessageReaction;
import io.gaimace.protocol.Presence;
import io.gaimace.protocol.Profile;
import io.gaimace.protocol.ReadReceipt;
import io.gaimace.protocol.Typing;
import io.gaimace.protocol.api.MentionEvent;
import io.gaimace.sdk.ConnectionState;
import io.gaimace.sdk.GaimaceListener;

/**
 * The SDK's events, handed to the chat thread: messages of the open dialogue in full, of others as
 * a one-line notice with the unread count; typing, presence and receipts to the {@link
 * Conversation}; connection changes as notices.
 *
 * <p>Joining or leaving a room makes the SDK reconnect for new permissions, which takes
 * milliseconds; "connection lost" is therefore only said when reconnecting lasts {@link #QUIET_MS},
 * and "reconnected" only after it was said.
 */
final class Events implements GaimaceListener {
  static final long QUIET_MS = 1500;

  private final ChatContext chat;
  private final Conversation conversation;
  private ConnectionState state = ConnectionState.CONNECTED;
  private int outages;
  private boolean announced;

  Events(ChatContext chat, Conversation conversation) {
    this.chat = chat;
    this.conversation = conversation;
  }

  @Override
  public void onMessage(ChatMessage message) {
    chat.thread().execute(() -> message(message));
  }

  @Override
  public void onEdit(MessageEdit edit) {
    chat.thread().execute(() -> conversation.change(edit));
  }

  @Override
  public void onDelete(MessageDelete delete) {
    chat.thread().execute(() -> conversation.change(delete));
  }

  @Override
  public void onReaction(MessageReaction reaction) {
    chat.thread().execute(() -> conversation.change(reaction));
  }

  @Override
  public void onTyping(Typing typing) {
    chat.thread().execute(() -> conversation.typing(typing));
  }

  @Override
  public void onStream(io.gaimace.protocol.StreamEvent event) {
    chat.thread().execute(() -> conversation.stream(event));
  }

  @Override
  public void onPresence(Presence presence) {
    chat.thread().execute(() -> conversation.presence(presence));
  }

  @Override
  public void onRead(ReadReceipt receipt) {
    chat.thread().execute(() -> conversation.read(receipt));
  }

  @Override
  public void onProfile(Profile profile) {
    chat.thread().execute(() -> chat.names().put(profile));
  }

  @Override
  public void onMembership(String roomId, String change) {
    chat.thread().execute(() -> membership(roomId, change));
  }

  @Override
  public void onMention(MentionEvent mention) {
    chat.thread().execute(() -> mention(mention));
  }

  @Override
  public void onConnectionState(ConnectionState s) {
    chat.thread().execute(() -> connection(s));
  }

  private void message(ChatMessage m) {
    Dialogues.Entry entry = chat.dialogues().ensure(m.dialogueId());
    if (m.dialogueId().equals(conversation.current())) {
      conversation.live(m);
    } else if (!m.sender().equals(chat.me())) {
      entry.unread++;
      String from = chat.names().of(m.sender());
      String what = entry.isRoom() ? "new message from " + from : "new direct message";
      chat.view()
          .print(
              chat.format()
                  .notice(
                      entry.label(),
                      what + " (" + entry.unread + " unread) · /open " + entry.label()));
    }
  }

  /** Someone mentioned the user: said at once unless the dialogue is open (it is highlighted). */
  private void mention(MentionEvent m) {
    if (m.dialogueId().equals(conversation.current())) {
      return;
    }
    Dialogues.Entry entry = chat.dialogues().ensure(m.dialogueId());
    entry.mentions++;
    String text = m.content().lines().findFirst().orElse("");
    if (text.length() > 80) {
      text = text.substring(0, 79) + "…";
    }
    chat.view()
        .print(
            chat.format()
                .mention(
                    entry.label(),
                    chat.names().of(m.by())
                        + " mentioned you: "
                        + text
                        + " · /open "
                        + entry.label()));
  }

  /** The user was added to a room or removed from it by someone else (own changes are known). */
  private void membership(String roomId, String change) {
    boolean known = chat.dialogues().get(roomId).isPresent();
    if ("added".equals(change)) {
      if (!known) {
        chat.dialogues().ensure(roomId);
        chat.view().print(chat.format().notice("#" + roomId, "you were added · /open " + roomId));
      }
      return;
    }
    if (known) {
      chat.dialogues().remove(roomId);
      chat.view().print(chat.format().notice("#" + roomId, "you were " + change));
      if (roomId.equals(conversation.current())) {
        conversation.close();
      }
    }
  }

  private void connection(ConnectionState s) {
    state = s;
    conversation.connection(s);
    switch (s) {
      case RECONNECTING -> {
        int outage = ++outages;
        chat.thread()
            .after(
                QUIET_MS,
                () -> {
                  if (outage == outages && state == ConnectionState.RECONNECTING && !announced) {
                    announced = true;
                    chat.view().print(chat.format().warning("connection lost, reconnecting…"));
                  }
                });
      }
      case RECONNECTED, CONNECTED -> {
        if (announced) {
          announced = false;
          chat.view().print(chat.format().good("reconnected"));
        }
      }
      case CLOSED -> chat.view().print(chat.format().error("the connection is closed", "closed"));
    }
  }
}
