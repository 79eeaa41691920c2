package io.gaimace.cli.admin;

import io.gaimace.cli.CommandFailure;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.Member;
import io.gaimace.protocol.api.MemberList;
import io.gaimace.protocol.api.MemberRequest;
import io.gaimace.protocol.api.Ok;
import io.gaimace.protocol.api.RoomInfo;
import io.gaimace.protocol.api.RoomList;
import io.gaimace.protocol.api.RoomRequest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gaimace room create|list|members|add-member}, as the connecting user. */
@Command(
    name = "room",
    description = "Create rooms, list them and add members.",
    subcommands = {
      RoomCommand.Create.class,
      RoomCommand.ListRooms.class,
      RoomCommand.Members.class,
      RoomCommand.AddMember.class
    })
public final class RoomCommand {

  @Command(name = "create", description = "Create a room; the caller becomes its owner.")
  static final class Create extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "the room id, e.g. lobby")
    String roomId;

    @Option(names = "--name", paramLabel = "NAME", description = "display name (default: the id)")
    String name;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "what the room is about")
    String topic;

    @Option(names = "--public", description = "anyone may join (default: by invitation)")
    boolean open;

    @Option(
        names = "--member",
        paramLabel = "USER",
        description = "add this user at once (repeatable)")
    List<String> members = new ArrayList<>();

    @Override
    void run(ApiClient api, PrintWriter out, PrintWriter err) throws CommandFailure {
      CreateRoomRequest request =
          new CreateRoomRequest(
              roomId,
              name,
              topic,
              open ? RoomInfo.PUBLIC : RoomInfo.PRIVATE,
              members.isEmpty() ? null : members);
      RoomInfo room = api.call(ApiSubjects.ROOM_CREATE, request, RoomInfo.class);
      out.printf(
          "created %s room '%s' (%s), owner '%s'%s%n",
          room.visibility(),
          room.roomId(),
          room.name(),
          room.createdBy(),
          members.isEmpty() ? "" : ", members " + String.join(", ", members));
    }
  }

  @Command(name = "list", description = "List the caller's rooms and the public ones.")
  static final class ListRooms extends ApiCommand {
    @Override
    void run(ApiClient api, PrintWriter out, PrintWriter err) throws CommandFailure {
      RoomList list = api.call(ApiSubjects.ROOM_LIST, ApiClient.NO_FIELDS, RoomList.class);
      Table table = new Table("ROOM", "NAME", "VISIBILITY", "YOUR_ROLE", "TOPIC");
      for (RoomInfo r : list.rooms()) {
        table.row(r.roomId(), r.name(), r.visibility(), r.role(), r.topic());
      }
      table.print(out);
    }
  }

  @Command(name = "members", description = "List a room's members.")
  static final class Members extends ApiCommand {
    @Parameters(paramLabel = "ROOM", description = "the room id")
    String roomId;

    @Override
    void run(ApiClient api, PrintWriter out, PrintWriter err) throws CommandFailure {
      MemberList list =
          api.call(ApiSubjects.ROOM_MEMBERS, new RoomRequest(roomId), MemberList.class);
      Table table = new Table("USER", "ROLE", "JOINED");
      for (Member m : list.members()) {
        table.row(m.userId(), m.role(), m.joinedAt());
      }
      table.print(out);
    }
  }

  @Command(name = "add-member", description = "Add a user to a room (an invitation).")
  static final class AddMember extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ROOM", description = "the room id")
    String roomId;

    @Parameters(index = "1", paramLabel = "USER", description = "the user id")
    String userId;

    @Override
    void run(ApiClient api, PrintWriter out, PrintWriter err) throws CommandFailure {
      Ok ok = api.call(ApiSubjects.ROOM_INVITE, new MemberRequest(roomId, userId), Ok.class);
      out.println(ok.message());
    }
  }
}
