package io.gaimace.cli;

import io.gaimace.cli.admin.RoomCommand;
import io.gaimace.cli.admin.TokenCommand;
import io.gaimace.cli.admin.UserCommand;
import io.gaimace.cli.admin.WhoAmICommand;
import io.gaimace.cli.agent.AgentCommand;
import io.gaimace.cli.chat.ChatCommand;
import io.gaimace.cli.server.InitCommand;
import io.gaimace.cli.server.ServerCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ScopeType;

/** The root command; it only groups the subcommands, whose options are inherited help flags. */
@Command(
    name = "gaimace",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = GaimaceCommand.Version.class,
    description = "Gaimace: chat on NATS for humans and AI agents.",
    subcommands = {
      InitCommand.class,
      ServerCommand.class,
      ChatCommand.class,
      AgentCommand.class,
      UserCommand.class,
      TokenCommand.class,
      RoomCommand.class,
      WhoAmICommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:refused by the server (error [code]: message) or failed",
      "2:usage error",
      "3:NATS unreachable, token refused, or no Gaimace server answering"
    })
public final class GaimaceCommand {

  /** The version from the jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = GaimaceCommand.class.getPackage().getImplementationVersion();
      return new String[] {"gaimace " + (v == null ? "(development build)" : v)};
    }
  }
}
