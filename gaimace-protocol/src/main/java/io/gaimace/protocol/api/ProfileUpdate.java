package io.gaimace.protocol.api;

import io.gaimace.protocol.Nullable;

/** Changes the caller's own profile; absent fields are left as they are. */
public record ProfileUpdate(
    @Nullable String name, @Nullable String avatar, @Nullable String description) {}
