package io.gaimace.cli.chat;

import io.gaimace.cli.chat.ChatInput.Delete;
import io.gaimace.cli.chat.ChatInput.Edit;
import io.gaimace.cli.chat.ChatInput.React;
import io.gaimace.cli.chat.ChatInput.Reply;
import io.gaimace.cli.chat.ChatInput.ShowThread;
import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.api.HistoryPage;
import org.jline.utils.AttributedString;

/**
 * Carries out the commands on a shown message: reply, edit, delete, react and show a thread. The
 * results arrive as events like everyone else's (the line about an edit, the reply itself), so
 * nothing is printed here on success. Chat thread only.
 */
final class MessageActions {
  private final ChatContext chat;
  private final Conversation conversation;

  MessageActions(ChatContext chat, Conversation conversation) {
    this.chat = chat;
    this.conversation = conversation;
  }

  /** True for the inputs this class carries out. */
  static boolean handles(ChatInput input) {
    return input instanceof Reply
        || input instanceof Edit
        || input instanceof Delete
        || input instanceof React
        || input instanceof ShowThread;
  }

  void run(ChatInput input) {
    String dialogue = conversation.requireCurrent();
    if (input instanceof Reply r) {
      ChatMessage to = byRef(r.ref());
      chat.thread()
          .reportFailure(chat.client().reply(dialogue, to.id(), Shortcodes.expand(r.text())));
    } else if (input instanceof Edit e) {
      ChatMessage m = e.ref() == null ? ownLast() : byRef(e.ref());
      chat.api().edit(dialogue, m.id(), Shortcodes.expand(e.text()));
    } else if (input instanceof Delete d) {
      ChatMessage m = d.ref() == null ? ownLast() : byRef(d.ref());
      chat.api().delete(dialogue, m.id());
    } else if (input instanceof React r) {
      ChatMessage m = byRef(r.ref());
      if (r.add()) {
        chat.api().react(dialogue, m.id(), r.emoji());
      } else {
        chat.api().unreact(dialogue, m.id(), r.emoji());
      }
    } else if (input instanceof ShowThread t) {
      thread(dialogue, byRef(t.ref()));
    }
  }

  private void thread(String dialogue, ChatMessage m) {
    HistoryPage page = chat.api().thread(dialogue, m.id(), 100);
    print(chat.format().system("── thread ──"));
    for (ChatMessage x : page.messages()) {
      print(conversation.format(x));
    }
    print(chat.format().system(page.more() ? "── (more replies) ──" : "── end of thread ──"));
  }

  private ChatMessage byRef(int ref) {
    return conversation
        .shown()
        .byRef(ref)
        .orElseThrow(() -> new ChatThread.Mistake("^" + ref + " is not a message shown here"));
  }

  private ChatMessage ownLast() {
    return conversation
        .shown()
        .lastBy(chat.me())
        .orElseThrow(
            () -> new ChatThread.Mistake("none of your messages is shown; name one with ^N"));
  }

  private void print(AttributedString line) {
    chat.view().print(line);
  }
}
