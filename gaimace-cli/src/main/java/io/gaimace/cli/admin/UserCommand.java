package io.gaimace.cli.admin;

import io.gaimace.cli.CommandFailure;
import io.gaimace.protocol.UserKind;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.CreateUserRequest;
import io.gaimace.protocol.api.Ok;
import io.gaimace.protocol.api.UserInfo;
import io.gaimace.protocol.api.UserList;
import io.gaimace.protocol.api.UserRequest;
import java.io.PrintWriter;
import java.util.Comparator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gaimace user add|list|remove}: user accounts, for admins. */
@Command(
    name = "user",
    description = "Add, list and remove users (needs an admin token).",
    subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Remove.class})
public final class UserCommand {

  @Command(name = "add", description = "Create a user.")
  static final class Add extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "the user id, e.g. alice")
    String userId;

    @Option(names = "--name", paramLabel = "NAME", description = "display name (default: the id)")
    String name;

    @Option(
        names = "--kind",
        paramLabel = "KIND",
        defaultValue = "human",
        description = "human or agent (default ${DEFAULT-VALUE})")
    UserKind kind;

    @Option(names = "--admin", description = "give the user the admin role")
    boolean admin;

    @Option(names = "--description", paramLabel = "TEXT", description = "a line about the user")
    String description;

    @Override
    void run(ApiClient api, PrintWriter out, PrintWriter err) throws CommandFailure {
      CreateUserRequest request =
          new CreateUserRequest(
              userId, name, kind.wireValue(), description, admin ? Boolean.TRUE : null);
      UserInfo user = api.call(ApiSubjects.ADMIN_USER_ADD, request, UserInfo.class);
      out.printf(
          "added %s user '%s' (%s)%s%n",
          user.kind(), user.userId(), user.name(), user.admin() ? " with the admin role" : "");
    }
  }

  @Command(name = "list", description = "List every user.")
  static final class ListUsers extends ApiCommand {
    @Override
    void run(ApiClient api, PrintWriter out, PrintWriter err) throws CommandFailure {
      UserList list = api.call(ApiSubjects.ADMIN_USER_LIST, ApiClient.NO_FIELDS, UserList.class);
      Table table = new Table("USER", "NAME", "KIND", "ADMIN", "CREATED");
      list.users().stream()
          .sorted(Comparator.comparing(UserInfo::userId))
          .forEach(
              u ->
                  table.row(
                      u.userId(), u.name(), u.kind(), u.admin() ? "yes" : "no", u.createdAt()));
      table.print(out);
    }
  }

  @Command(
      name = "remove",
      description = "Remove a user: revokes its tokens and closes its connections.")
  static final class Remove extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "the user id")
    String userId;

    @Override
    void run(ApiClient api, PrintWriter out, PrintWriter err) throws CommandFailure {
      out.println(
          api.call(ApiSubjects.ADMIN_USER_REMOVE, new UserRequest(userId), Ok.class).message());
    }
  }
}
