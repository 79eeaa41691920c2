package io.gaimace.protocol.api;

import io.gaimace.protocol.ChatMessage;
import java.util.List;

/**
 * Messages matching a search, newest first, each with its {@code seq}.
 *
 * @param more more matches exist in what was scanned: ask again with {@code before} set to the
 *     {@code seq} of the last message
 * @param scanned how many messages the server read to answer
 * @param truncated the server's scan caps stopped it before the oldest stored messages of every
 *     dialogue: older matches may exist that search cannot reach
 */
public record SearchResults(
    String query, List<ChatMessage> messages, boolean more, long scanned, boolean truncated) {
  public SearchResults {
    messages = List.copyOf(messages);
  }
}
