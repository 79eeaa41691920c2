package io.gaimace.server.users;

import io.gaimace.protocol.Nullable;
import io.gaimace.protocol.Profile;
import io.gaimace.protocol.UserKind;
import io.gaimace.protocol.api.UserInfo;
import java.time.Instant;

/** A user account as stored in the {@code gaimace-users} bucket, keyed by user id. */
public record UserRecord(
    String userId,
    String name,
    UserKind kind,
    @Nullable String avatar,
    @Nullable String description,
    boolean admin,
    Instant createdAt) {

  public Profile profile() {
    return new Profile(userId, name, avatar, kind, description);
  }

  public UserInfo info() {
    return new UserInfo(
        userId, name, kind.name().toLowerCase(java.util.Locale.ROOT), admin, createdAt);
  }

  public UserRecord withProfile(
      @Nullable String newName, @Nullable String newAvatar, @Nullable String newDescription) {
    return new UserRecord(
        userId,
        newName != null ? newName : name,
        kind,
        newAvatar != null ? newAvatar : avatar,
        newDescription != null ? newDescription : description,
        admin,
        createdAt);
  }
}
