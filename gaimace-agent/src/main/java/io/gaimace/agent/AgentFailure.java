package io.gaimace.agent;

/**
 * A failure an agent reports in the dialogue as an error message, with a stable {@code code} (such
 * as {@code llm_timeout}) and a sentence for people.
 */
public class AgentFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final String code;

  public AgentFailure(String code, String message) {
    super(message);
    this.code = code;
  }

  public AgentFailure(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
