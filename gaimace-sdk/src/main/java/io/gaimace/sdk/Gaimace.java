package io.gaimace.sdk;

/**
 * The SDK's entry point.
 *
 * <pre>{@code
 * try (GaimaceClient chat = Gaimace.connect(ClientOptions.builder(token).server(url).build())) {
 *   chat.addListener(new GaimaceListener() {
 *     public void onMessage(ChatMessage m) { System.out.println(m.sender() + ": " + m.content()); }
 *   });
 *   chat.send("lobby", "Hello!").join();
 * }
 * }</pre>
 */
public final class Gaimace {
  private Gaimace() {}

  /**
   * Connects with a token, subscribes to the user's dialogues, presence, typing and events, and
   * announces the user online.
   *
   * @throws GaimaceException {@code unauthorized} when the token is refused, {@code unavailable}
   *     when no NATS server can be reached
   */
  public static GaimaceClient connect(ClientOptions options) {
    return GaimaceClient.open(options);
  }
}
