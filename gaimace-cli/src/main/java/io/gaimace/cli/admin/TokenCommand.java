package io.gaimace.cli.admin;

import io.gaimace.cli.CommandFailure;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.Ok;
import io.gaimace.protocol.api.TokenCreateRequest;
import io.gaimace.protocol.api.TokenCreated;
import io.gaimace.protocol.api.TokenInfo;
import io.gaimace.protocol.api.TokenList;
import io.gaimace.protocol.api.TokenRevokeRequest;
import io.gaimace.protocol.api.UserRequest;
import io.gaimace.server.config.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code gaimace token create|revoke|list}: the tokens users connect with, for admins. */
@Command(
    name = "token",
    description = "Create, revoke and list tokens (needs an admin token).",
    subcommands = {
      TokenCommand.Create.class,
      TokenCommand.Revoke.class,
      TokenCommand.ListTokens.class
    })
public final class TokenCommand {

  @Command(
      name = "create",
      description = {
        "Create a token for a user.",
        "Prints only the token on stdout (to capture it in a script); details go to stderr."
      })
  static final class Create extends ApiCommand {
    @Parameters(paramLabel = "USER", description = "the user id")
    String userId;

    @Option(
        names = "--label",
        paramLabel = "LABEL",
        description = "what the token is for, e.g. laptop")
    String label;

    @Option(
        names = "--ttl",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "lifetime, e.g. 12h or 30d (default: no expiry)")
    Duration ttl;

    @Override
    void run(ApiClient api, PrintWriter out, PrintWriter err) throws CommandFailure {
      Long seconds = ttl == null ? null : ttl.toSeconds();
      TokenCreated created =
          api.call(
              ApiSubjects.ADMIN_TOKEN_CREATE,
              new TokenCreateRequest(userId, label, seconds),
              TokenCreated.class);
      out.println(created.token());
      out.flush();
      err.printf(
          "created token %s for '%s' (%s). It is shown only this once: keep it secret.%n",
          created.tokenId(),
          created.userId(),
          created.expiresAt() == null
              ? "no expiry"
              : "expires " + Table.format(created.expiresAt()));
    }
  }

  @Command(
      name = "revoke",
      description = "Revoke a token: it stops working and its connections are closed.")
  static final class Revoke extends ApiCommand {
    @Parameters(paramLabel = "TOKEN_ID", description = "the token's id (see 'token list')")
    String tokenId;

    @Override
    void run(ApiClient api, PrintWriter out, PrintWriter err) throws CommandFailure {
      Ok ok = api.call(ApiSubjects.ADMIN_TOKEN_REVOKE, new TokenRevokeRequest(tokenId), Ok.class);
      out.println(ok.message());
    }
  }

  @Command(name = "list", description = "List tokens (without their secrets).")
  static final class ListTokens extends ApiCommand {
    @Parameters(
        paramLabel = "USER",
        arity = "0..1",
        description = "only this user's tokens (default: everyone's)")
    String userId;

    @Override
    void run(ApiClient api, PrintWriter out, PrintWriter err) throws CommandFailure {
      TokenList list =
          api.call(ApiSubjects.ADMIN_TOKEN_LIST, new UserRequest(userId), TokenList.class);
      Instant now = Instant.now();
      Table table = new Table("TOKEN_ID", "USER", "LABEL", "CREATED", "EXPIRES", "STATUS");
      List<TokenInfo> tokens = new ArrayList<>(list.tokens());
      tokens.sort(Comparator.comparing(TokenInfo::userId).thenComparing(TokenInfo::createdAt));
      for (TokenInfo t : tokens) {
        table.row(t.tokenId(), t.userId(), t.label(), t.createdAt(), t.expiresAt(), status(t, now));
      }
      table.print(out);
    }

    private static String status(TokenInfo t, Instant now) {
      if (t.revoked()) {
        return "revoked";
      }
      return t.expiresAt() != null && !t.expiresAt().isAfter(now) ? "expired" : "active";
    }
  }

  /** Reads durations the way the configuration does: {@code 90s}, {@code 12h}, {@code 30d}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        Duration d = Durations.parse(value);
        if (d.toSeconds() < 1) {
          throw new TypeConversionException("'" + value + "' is shorter than one second");
        }
        return d;
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
