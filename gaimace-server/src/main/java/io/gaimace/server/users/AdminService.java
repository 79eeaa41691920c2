package io.gaimace.server.users;

import io.gaimace.protocol.UserKind;
import io.gaimace.protocol.api.CreateUserRequest;
import io.gaimace.protocol.api.Ok;
import io.gaimace.protocol.api.TokenCreateRequest;
import io.gaimace.protocol.api.TokenCreated;
import io.gaimace.protocol.api.TokenList;
import io.gaimace.protocol.api.TokenRevokeRequest;
import io.gaimace.protocol.api.UserInfo;
import io.gaimace.protocol.api.UserList;
import io.gaimace.protocol.api.UserRequest;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Caller;
import io.gaimace.server.api.Check;
import io.gaimace.server.api.ErrorCode;
import io.gaimace.server.auth.TokenRecord;
import io.gaimace.server.auth.TokenStore;
import io.gaimace.server.nats.Accounts;
import io.gaimace.server.presence.Kicker;
import io.gaimace.server.rooms.MembershipStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Administration through the same authenticated API as everything else: only users with the admin
 * role may call it. Removing a user or revoking a token closes the user's live connections.
 */
public final class AdminService {
  private final UserStore users;
  private final TokenStore tokens;
  private final MembershipStore memberships;
  private final Kicker kicker;
  private final Clock clock;

  public AdminService(
      UserStore users, TokenStore tokens, MembershipStore memberships, Kicker kicker, Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.memberships = memberships;
    this.kicker = kicker;
    this.clock = clock;
  }

  public UserInfo addUser(Caller caller, CreateUserRequest req) throws ApiException {
    requireAdmin(caller);
    String id = Check.id(req.userId(), "user_id");
    if (Accounts.isReserved(id)) {
      throw ApiException.invalid(
          "user ids starting with '" + Accounts.RESERVED_PREFIX + "' are reserved");
    }
    String name = Check.text(req.name() == null ? id : req.name(), "name", 100);
    Check.text(req.description(), "description", 2000);
    UserKind kind;
    try {
      kind =
          req.kind() == null
              ? UserKind.HUMAN
              : UserKind.valueOf(req.kind().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("field 'kind' must be 'human' or 'agent'");
    }
    UserRecord user =
        new UserRecord(
            id,
            name,
            kind,
            null,
            req.description(),
            Boolean.TRUE.equals(req.admin()),
            clock.instant());
    if (!users.create(user)) {
      throw new ApiException(ErrorCode.CONFLICT, "user '" + id + "' exists already");
    }
    return user.info();
  }

  public Ok removeUser(Caller caller, UserRequest req) throws ApiException {
    requireAdmin(caller);
    String id = existing(req.userId());
    if (id.equals(caller.userId())) {
      throw ApiException.forbidden("you cannot remove yourself");
    }
    tokens.revokeAll(id);
    memberships.forgetUser(id);
    users.delete(id);
    kicker.kick(id);
    return Ok.of("removed user '" + id + "'");
  }

  public UserList listUsers(Caller caller, Object ignored) throws ApiException {
    requireAdmin(caller);
    return new UserList(users.all().stream().map(UserRecord::info).toList());
  }

  public TokenCreated createToken(Caller caller, TokenCreateRequest req) throws ApiException {
    requireAdmin(caller);
    String id = existing(req.userId());
    Check.text(req.label(), "label", 100);
    if (req.ttlSeconds() != null && req.ttlSeconds() < 1) {
      throw ApiException.invalid("field 'ttl_seconds' must be positive");
    }
    return tokens.create(
        id, req.label(), req.ttlSeconds() == null ? null : Duration.ofSeconds(req.ttlSeconds()));
  }

  public Ok revokeToken(Caller caller, TokenRevokeRequest req) throws ApiException {
    requireAdmin(caller);
    String tokenId = Check.required(req.tokenId(), "token_id");
    Optional<TokenRecord> revoked = tokens.revoke(tokenId);
    if (revoked.isEmpty()) {
      throw ApiException.notFound("no token '" + tokenId + "'");
    }
    kicker.kick(revoked.get().userId());
    return Ok.of("revoked token " + tokenId + " of '" + revoked.get().userId() + "'");
  }

  public TokenList listTokens(Caller caller, UserRequest req) throws ApiException {
    requireAdmin(caller);
    String userId = req.userId() == null ? null : Check.id(req.userId(), "user_id");
    return new TokenList(tokens.list(userId));
  }

  private void requireAdmin(Caller caller) throws ApiException {
    boolean admin = users.find(caller.userId()).map(UserRecord::admin).orElse(false);
    if (!admin) {
      throw ApiException.forbidden("this needs the admin role");
    }
  }

  private String existing(String userId) throws ApiException {
    String id = Check.id(userId, "user_id");
    if (users.find(id).isEmpty()) {
      throw ApiException.notFound("no user '" + id + "'");
    }
    return id;
  }
}
