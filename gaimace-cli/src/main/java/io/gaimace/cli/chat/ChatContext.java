package io.gaimace.cli.chat;

import io.gaimace.sdk.BlockingGaimace;
import io.gaimace.sdk.GaimaceClient;

/**
 * What the chat's parts share. Blocking calls ({@link #api()}) are made on the chat thread: a
 * request holds up the output behind it, which keeps the output in order.
 */
record ChatContext(
    GaimaceClient client,
    BlockingGaimace api,
    ChatView view,
    LineFormatter format,
    Names names,
    Dialogues dialogues,
    ChatThread thread) {

  String me() {
    return client.userId();
  }
}
