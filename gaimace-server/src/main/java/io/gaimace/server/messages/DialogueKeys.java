package io.gaimace.server.messages;

import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.Subjects;
import io.gaimace.server.nats.StoreSetup;

/** Names derived from a dialogue: where it is stored and how KV keys refer to it. */
public final class DialogueKeys {
  private DialogueKeys() {}

  /** The stream subject, e.g. {@code store.chat.room.general}. */
  public static String storeSubject(Dialogue d) {
    return StoreSetup.STORE_PREFIX + Subjects.chat(d);
  }

  /** A KV key fragment, e.g. {@code room.general} or {@code private.alice.bob}. */
  public static String key(Dialogue d) {
    return Subjects.chat(d).substring("chat.".length());
  }
}
