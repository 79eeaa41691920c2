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
    Instant createdAt,
    @Nullable java.util.List<String> capabilities,
    @Nullable String model) {

  /** A record without the agent profile extensions. */
  public UserRecord(
      String userId,
      String name,
      UserKind kind,
      String avatar,
      String description,
      boolean admin,
      Instant createdAt) {
    this(userId, name, kind, avatar, description, admin, createdAt, null, null);
  }

  public Profile profile() {
    return new Profile(
        userId,
        name,
        avatar,
        kind,
        description,
        capabilities == null || capabilities.isEmpty() ? null : capabilities,
        model == null || model.isEmpty() ? null : model);
  }

  /** Changes the agent profile extensions; null keeps a value. */
  public UserRecord withAgentProfile(
      @Nullable java.util.List<String> newCapabilities, @Nullable String newModel) {
    return new UserRecord(
        userId,
        name,
        kind,
        avatar,
        description,
        admin,
        createdAt,
        newCapabilities != null ? newCapabilities : capabilities,
        newModel != null ? newModel : model);
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
        createdAt,
        capabilities,
        model);
  }
}
