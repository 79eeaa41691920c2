package io.gaimace.protocol.api;

import java.util.List;

/** Admin: every user account. */
public record UserList(List<UserInfo> users) {
  public UserList {
    users = List.copyOf(users);
  }
}
