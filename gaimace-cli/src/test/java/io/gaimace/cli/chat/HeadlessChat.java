package io.gaimace.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gaimace.sdk.ClientOptions;
import io.gaimace.sdk.Gaimace;
import io.gaimace.sdk.GaimaceClient;
import io.gaimace.server.GaimaceFixture;
import java.time.Clock;

/** A user in the chat without a terminal: its client, the chat on it, and what it shows. */
record HeadlessChat(GaimaceClient client, Chat chat, RecordingView view) implements AutoCloseable {

  static HeadlessChat start(GaimaceFixture env, String user) throws Exception {
    GaimaceClient client = connect(env, user);
    RecordingView view = new RecordingView();
    Chat chat = new Chat(client, view, Theme.plain(), Clock.systemDefaultZone());
    chat.start(env.nats().clientUrl(), null);
    return new HeadlessChat(client, chat, view);
  }

  static GaimaceClient connect(GaimaceFixture env, String user) throws Exception {
    return Gaimace.connect(
        ClientOptions.builder(env.token(user)).server(env.nats().clientUrl()).build());
  }

  /** Types a line and presses Enter. */
  void type(String line) {
    assertThat(chat.submit(line)).isTrue();
  }

  @Override
  public void close() {
    chat.close();
    client.close();
  }
}
