package io.gaimace.cli.admin;

import io.gaimace.cli.CommandFailure;
import io.gaimace.cli.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that opens one API connection, makes its calls and closes it. Results go to stdout,
 * remarks to stderr; failures are {@link CommandFailure}s.
 */
abstract class ApiCommand implements Callable<Integer> {
  @Mixin ConnectOptions connect;

  @Spec CommandSpec spec;

  @Override
  public final Integer call() throws CommandFailure {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (ApiClient api = connect.open()) {
      run(api, out, err);
    } finally {
      out.flush();
      err.flush();
    }
    return ExitCode.OK;
  }

  abstract void run(ApiClient api, PrintWriter out, PrintWriter err) throws CommandFailure;
}
