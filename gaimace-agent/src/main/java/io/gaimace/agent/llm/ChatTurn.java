package io.gaimace.agent.llm;

/**
 * One entry of a chat-completions conversation.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the text
 */
public record ChatTurn(String role, String content) {
  public static ChatTurn system(String text) {
    return new ChatTurn("system", text);
  }

  public static ChatTurn user(String text) {
    return new ChatTurn("user", text);
  }

  public static ChatTurn assistant(String text) {
    return new ChatTurn("assistant", text);
  }
}
