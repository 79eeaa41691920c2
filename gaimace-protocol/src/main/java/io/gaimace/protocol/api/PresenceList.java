package io.gaimace.protocol.api;

import io.gaimace.protocol.Presence;
import java.util.List;

/** Presence of users, each with its last-seen time when known. */
public record PresenceList(List<Presence> users) {
  public PresenceList {
    users = List.copyOf(users);
  }
}
