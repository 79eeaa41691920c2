package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;
import java.util.List;

/**
 * Changes the caller's own profile; absent fields are left as they are.
 *
 * @param capabilities nullable extension: an agent's capability tags (an empty list clears them)
 * @param model nullable extension: the model behind an agent ({@code ""} clears it)
 */
public record ProfileUpdate(
    @Nullable String name,
    @Nullable String avatar,
    @Nullable String description,
    @Nullable List<String> capabilities,
    @Nullable String model) {

  /** An update of the original profile fields only. */
  public ProfileUpdate(String name, String avatar, String description) {
    this(name, avatar, description, null, null);
  }
}
