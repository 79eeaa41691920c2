package io.gaimace.protocol.api;

import io.gaimace.protocol.Profile;
import java.util.List;

/** Profiles found in the directory, ordered by user id. */
public record Directory(List<Profile> users) {
  public Directory {
    users = List.copyOf(users);
  }
}
