package io.gaimace.protocol.api;

import io.gaimace.protocol.Profile;

/** The caller's identity as the server sees it. */
public record WhoAmI(String userId, boolean admin, Profile profile) {}
