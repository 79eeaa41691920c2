package io.gaimace.cli.admin;

import io.gaimace.cli.CommandFailure;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.WhoAmI;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code gaimace whoami}: checks a token and shows whose it is. */
@Command(
    name = "whoami",
    description = "Show the token's user as the server sees it (a quick check of a token).")
public final class WhoAmICommand extends ApiCommand {
  @Override
  void run(ApiClient api, PrintWriter out, PrintWriter err) throws CommandFailure {
    WhoAmI me = api.call(ApiSubjects.WHOAMI, ApiClient.NO_FIELDS, WhoAmI.class);
    out.printf(
        "%s (%s)%s%n", me.userId(), me.profile().name(), me.admin() ? " with the admin role" : "");
  }
}
