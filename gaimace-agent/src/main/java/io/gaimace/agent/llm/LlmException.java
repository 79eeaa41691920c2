package io.gaimace.agent.llm;

import io.gaimace.agent.AgentFailure;

/**
 * The LLM did not answer: {@code llm_unreachable}, {@code llm_error} (an HTTP error or an error in
 * the stream), {@code llm_timeout}, or {@code llm_bad_response}.
 */
public final class LlmException extends AgentFailure {
  private static final long serialVersionUID = 1L;

  public LlmException(String code, String message) {
    super(code, message);
  }

  public LlmException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
