package io.gaimace.cli.chat;

import io.gaimace.protocol.Profile;
import io.gaimace.sdk.GaimaceException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Display names from the user directory, cached; a user whose profile cannot be read is shown by
 * id. Profile changes refresh the cache. Used on the chat thread only.
 */
final class Names {
  private final Map<String, String> names = new HashMap<>();
  private final Function<String, Profile> lookup;

  /**
   * @param lookup reads one profile (blocking); may throw {@link GaimaceException}
   */
  Names(Function<String, Profile> lookup) {
    this.lookup = lookup;
  }

  void putAll(List<Profile> profiles) {
    profiles.forEach(this::put);
  }

  void put(Profile profile) {
    names.put(profile.userId(), profile.name());
  }

  /** The user's display name, looked up once; the id when there is none. */
  String of(String userId) {
    return names.computeIfAbsent(userId, this::load);
  }

  private String load(String userId) {
    try {
      String name = lookup.apply(userId).name();
      return name.isBlank() ? userId : name;
    } catch (GaimaceException e) {
      return userId;
    }
  }
}
