package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/**
 * Searches the user directory: users whose id or name contains {@code query} (case-insensitive),
 * optionally only of one {@code kind} ({@code human} or {@code agent}).
 *
 * @param capability nullable extension: only users whose profile lists this capability (exact,
 *     case-insensitive)
 */
public record DirectoryRequest(
    @Nullable String query,
    @Nullable String kind,
    @Nullable Integer limit,
    @Nullable String capability) {

  /** A search without the capability filter. */
  public DirectoryRequest(String query, String kind, Integer limit) {
    this(query, kind, limit, null);
  }
}
