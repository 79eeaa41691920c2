package io.gaimace.server.users;

import io.gaimace.protocol.Profile;
import io.gaimace.protocol.UserKind;
import io.gaimace.server.nats.Buckets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** User accounts and the directory built from their profiles. */
public final class UserStore {
  private final Buckets<UserRecord> users;

  public UserStore(Buckets<UserRecord> users) {
    this.users = users;
  }

  public Optional<UserRecord> find(String userId) {
    return users.get(userId);
  }

  /** Creates a user; false when the id is taken. */
  public boolean create(UserRecord user) {
    return users.create(user.userId(), user);
  }

  public void save(UserRecord user) {
    users.put(user.userId(), user);
  }

  public void delete(String userId) {
    users.delete(userId);
  }

  public List<UserRecord> all() {
    return users.values("*").stream().sorted(Comparator.comparing(UserRecord::userId)).toList();
  }

  /**
   * Directory search: users whose id or name contains the query, ignoring case, optionally of one
   * kind. Reads the whole bucket: fine for thousands of users; docs/operations.md says so.
   */
  public List<Profile> search(String query, UserKind kind, int limit) {
    return search(query, kind, null, limit);
  }

  /** Directory search that also keeps only users listing {@code capability} (ignoring case). */
  public List<Profile> search(String query, UserKind kind, String capability, int limit) {
    String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
    return all().stream()
        .filter(u -> kind == null || u.kind() == kind)
        .filter(u -> capability == null || hasCapability(u, capability))
        .filter(u -> u.userId().contains(q) || u.name().toLowerCase(Locale.ROOT).contains(q))
        .limit(limit)
        .map(UserRecord::profile)
        .toList();
  }

  private static boolean hasCapability(UserRecord u, String capability) {
    return u.capabilities() != null
        && u.capabilities().stream().anyMatch(c -> c.equalsIgnoreCase(capability));
  }
}
