package io.gaimace.server.messages;

import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.ErrorCode;
import io.gaimace.server.config.Limits;
import java.nio.charset.StandardCharsets;

/** The rules for a message's text, the same for a send and an edit. */
final class MessageText {
  private MessageText() {}

  /**
   * Returns {@code content} if it is present, not blank and within {@code limits.max-message-bytes}
   * UTF-8 bytes; {@code invalid_message} or {@code too_large} otherwise.
   */
  static String check(String content, Limits limits) throws ApiException {
    if (content == null) {
      throw new ApiException(ErrorCode.INVALID_MESSAGE, "missing required field 'content'");
    }
    if (content.isBlank()) {
      throw new ApiException(ErrorCode.INVALID_MESSAGE, "message content is empty");
    }
    int bytes = content.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > limits.maxMessageBytes()) {
      throw new ApiException(
          ErrorCode.TOO_LARGE,
          "message is " + bytes + " bytes; the limit is " + limits.maxMessageBytes());
    }
    return content;
  }
}
