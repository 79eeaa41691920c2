package io.gaimace.sdk;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.api.HistoryPage;
import java.util.ArrayList;
import java.util.List;

/** Reads a whole dialogue through history pages, newest page first, into oldest-first order. */
final class Histories {
  private Histories() {}

  static List<String> allContents(GaimaceClient client, String dialogueId) throws Exception {
    List<String> contents = new ArrayList<>();
    Long before = null;
    do {
      HistoryPage page = client.history(dialogueId, before, 100).get();
      contents.addAll(0, page.messages().stream().map(ChatMessage::content).toList());
      before = page.messages().isEmpty() || !page.more() ? null : page.messages().get(0).seq();
    } while (before != null);
    return contents;
  }
}
