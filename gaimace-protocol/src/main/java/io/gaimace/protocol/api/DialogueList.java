package io.gaimace.protocol.api;

import java.util.List;

/** The caller's rooms and direct dialogues with unread counts. */
public record DialogueList(List<DialogueSummary> dialogues) {
  public DialogueList {
    dialogues = List.copyOf(dialogues);
  }
}
