package io.gaimace.server.presence;

import java.time.Instant;

/** One live client connection of a user, keyed {@code <user>.<server id>.<client id>}. */
public record ConnectionRecord(String userId, String serverId, long cid, Instant connectedAt) {
  String key() {
    return key(userId, serverId, cid);
  }

  static String key(String userId, String serverId, long cid) {
    return userId + "." + serverId + "." + cid;
  }
}
