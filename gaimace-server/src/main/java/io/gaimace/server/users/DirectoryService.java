package io.gaimace.server.users;

import io.gaimace.protocol.Profile;
import io.gaimace.protocol.UserKind;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.Directory;
import io.gaimace.protocol.api.DirectoryRequest;
import io.gaimace.protocol.api.ProfileUpdate;
import io.gaimace.protocol.api.UserRequest;
import io.gaimace.protocol.api.WhoAmI;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Caller;
import io.gaimace.server.api.Check;
import io.gaimace.server.presence.Notifier;
import java.net.URI;
import java.util.Locale;

/**
 * Profiles and the user directory. Anyone may read profiles and search the directory; a user
 * changes only its own profile, and each change is announced as the protocol's {@code profile}
 * message on {@code profile.<user_id>}.
 */
public final class DirectoryService {
  private static final int MAX_RESULTS = 200;
  private final UserStore users;
  private final Notifier notifier;

  public DirectoryService(UserStore users, Notifier notifier) {
    this.users = users;
    this.notifier = notifier;
  }

  public Profile get(Caller caller, UserRequest req) throws ApiException {
    String id = Check.id(req.userId(), "user_id");
    return users
        .find(id)
        .map(UserRecord::profile)
        .orElseThrow(() -> ApiException.notFound("no user '" + id + "'"));
  }

  public Profile set(Caller caller, ProfileUpdate req) throws ApiException {
    Check.text(req.name(), "name", 100);
    Check.text(req.description(), "description", 2000);
    Check.text(req.avatar(), "avatar", 2000);
    if (req.name() != null && req.name().isBlank()) {
      throw ApiException.invalid("field 'name' must not be blank");
    }
    if (req.avatar() != null && !req.avatar().isEmpty()) {
      try {
        String scheme = URI.create(req.avatar()).getScheme();
        if (scheme == null || !(scheme.equals("https") || scheme.equals("http"))) {
          throw ApiException.invalid("field 'avatar' must be an http(s) URL");
        }
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("field 'avatar' must be an http(s) URL");
      }
    }
    UserRecord me =
        users
            .find(caller.userId())
            .orElseThrow(() -> ApiException.notFound("your account is gone"));
    checkAgentFields(req);
    UserRecord updated =
        me.withProfile(req.name(), req.avatar(), req.description())
            .withAgentProfile(req.capabilities(), req.model());
    users.save(updated);
    notifier.publish(ApiSubjects.profile(me.userId()), updated.profile());
    return updated.profile();
  }

  public Directory search(Caller caller, DirectoryRequest req) throws ApiException {
    Check.text(req.query(), "query", 100);
    UserKind kind = null;
    if (req.kind() != null) {
      try {
        kind = UserKind.valueOf(req.kind().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("field 'kind' must be 'human' or 'agent'");
      }
    }
    int limit = req.limit() == null ? 50 : req.limit();
    if (limit < 1) {
      throw ApiException.invalid("field 'limit' must be at least 1");
    }
    Check.text(req.capability(), "capability", 64);
    return new Directory(
        users.search(req.query(), kind, req.capability(), Math.min(limit, MAX_RESULTS)));
  }

  /** Capabilities: at most 32 tags of 1-64 characters; model: at most 200 characters. */
  private static void checkAgentFields(ProfileUpdate req) throws ApiException {
    Check.text(req.model(), "model", 200);
    if (req.capabilities() != null) {
      if (req.capabilities().size() > 32) {
        throw ApiException.invalid("field 'capabilities' lists more than 32 entries");
      }
      for (String c : req.capabilities()) {
        if (c == null || c.isBlank() || c.length() > 64) {
          throw ApiException.invalid("field 'capabilities' holds an empty or too long entry");
        }
      }
    }
  }

  public WhoAmI whoami(Caller caller, Object ignored) throws ApiException {
    UserRecord me =
        users
            .find(caller.userId())
            .orElseThrow(() -> ApiException.notFound("your account is gone"));
    return new WhoAmI(me.userId(), me.admin(), me.profile());
  }
}
