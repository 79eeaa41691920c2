package io.gaimace.protocol.api;

import java.util.List;

/** Admin: tokens, optionally of one user. */
public record TokenList(List<TokenInfo> tokens) {
  public TokenList {
    tokens = List.copyOf(tokens);
  }
}
