package io.gaimace.server.api;

import java.util.Locale;

/** The stable codes of {@code error} replies; docs/protocol.md lists them with their meaning. */
public enum ErrorCode {
  /** The request is not valid JSON, or a field is missing or of the wrong type. */
  INVALID_REQUEST,
  /** A chat message is empty or malformed. */
  INVALID_MESSAGE,
  /** The caller is not a member of the dialogue. */
  NOT_MEMBER,
  /** The caller may not do this (not an admin, not a moderator, private room). */
  FORBIDDEN,
  /** The caller is banned from the room. */
  BANNED,
  /** No such user, room, token or message. */
  NOT_FOUND,
  /** The thing to create exists already. */
  CONFLICT,
  /** The message content exceeds the configured maximum. */
  TOO_LARGE,
  /** The caller sends faster than its rate limit. */
  RATE_LIMITED,
  /** The request did not come through the CHAT account's API import. */
  UNAUTHENTICATED,
  /** The server failed; the request may be retried. */
  INTERNAL,
  /** The caller is muted in the room: it may read but not post. */
  MUTED,
  /** An uploaded file's content does not match the SHA-256 the uploader gave. */
  CHECKSUM_MISMATCH;

  /** The wire form, e.g. {@code not_member}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
