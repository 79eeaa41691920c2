package io.gaimace.cli.chat;

import io.gaimace.cli.chat.ChatInput.Create;
import io.gaimace.cli.chat.ChatInput.Direct;
import io.gaimace.cli.chat.ChatInput.Help;
import io.gaimace.cli.chat.ChatInput.Invalid;
import io.gaimace.cli.chat.ChatInput.Invite;
import io.gaimace.cli.chat.ChatInput.Join;
import io.gaimace.cli.chat.ChatInput.Leave;
import io.gaimace.cli.chat.ChatInput.Me;
import io.gaimace.cli.chat.ChatInput.More;
import io.gaimace.cli.chat.ChatInput.Open;
import io.gaimace.cli.chat.ChatInput.Rooms;
import io.gaimace.cli.chat.ChatInput.Say;
import io.gaimace.cli.chat.ChatInput.SetStatus;
import io.gaimace.cli.chat.ChatInput.Unknown;
import io.gaimace.cli.chat.ChatInput.Who;
import io.gaimace.protocol.Nullable;
import io.gaimace.protocol.PresenceStatus;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.RoomInfo;
import io.gaimace.sdk.GaimaceException;
import java.util.function.Supplier;
import org.jline.utils.AttributedString;

/** Carries out what the user typed. Chat thread only. */
final class Commands {
  private final ChatContext chat;
  private final Conversation conversation;
  private final Listings listings;
  private final Moderation moderation;
  private final MessageActions actions;
  private final FileCommands files;
  private PresenceStatus status = PresenceStatus.ONLINE;

  Commands(ChatContext chat, Conversation conversation) {
    this.chat = chat;
    this.conversation = conversation;
    this.listings = new Listings(chat, conversation);
    this.moderation = new Moderation(chat, conversation);
    this.actions = new MessageActions(chat, conversation);
    this.files = new FileCommands(chat, conversation);
  }

  /** The header, the dialogue list, then the first dialogue (or {@code room}) opened. */
  void start(String server, @Nullable String room) {
    conversation.refresh();
    try {
      chat.names().putAll(chat.api().directory(null));
    } catch (GaimaceException e) {
      // names are then looked up one by one
    }
    listings.header(server);
    chat.dialogues().reset(chat.api().dialogues());
    listings.dialogues();
    print(
        chat.format()
            .system("Type a message and press Enter to send it. /help lists the commands."));
    Shortcodes.warmUp();
    if (room != null) {
      try {
        join(room);
        return;
      } catch (GaimaceException e) {
        print(chat.format().error(e));
      }
    }
    if (chat.dialogues().first().isPresent()) {
      conversation.open(chat.dialogues().first().get().id);
    } else {
      print(chat.format().system("You are in no room yet: /join ROOM or /create ROOM."));
    }
  }

  void run(ChatInput input) {
    if (input instanceof Say say) {
      say(say.text());
    } else if (input instanceof Direct dm) {
      direct(dm.userId(), dm.text());
    } else if (input instanceof Open open) {
      conversation.open(open.direct() ? chat.client().directDialogueId(open.id()) : open.id());
    } else if (input instanceof Join join) {
      join(join.roomId());
    } else if (input instanceof Leave) {
      leave();
    } else if (input instanceof Create create) {
      create(create.roomId(), create.open());
    } else if (input instanceof Invite invite) {
      invite(invite.userId());
    } else if (input instanceof More) {
      conversation.more();
    } else if (input instanceof Rooms) {
      chat.dialogues().reset(chat.api().dialogues());
      listings.dialogues();
      listings.publicRooms();
    } else if (input instanceof Who) {
      listings.who(requireOpen());
    } else if (input instanceof Help) {
      listings.help();
    } else if (input instanceof Me) {
      listings.me(status);
    } else if (input instanceof SetStatus set) {
      chat.client().setStatus(set.status());
      status = set.status();
      print(chat.format().system("You are " + status.wireValue() + "."));
    } else if (input instanceof ChatInput.Search search) {
      moderation.search(search.query());
    } else if (input instanceof ChatInput.Mute mute) {
      moderation.mute(mute);
    } else if (input instanceof ChatInput.Unmute unmute) {
      moderation.unmute(unmute.userId());
    } else if (input instanceof ChatInput.Role role) {
      moderation.role(role);
    } else if (MessageActions.handles(input)) {
      actions.run(input);
    } else if (input instanceof ChatInput.Upload upload) {
      files.upload(upload, requireOpen());
    } else if (input instanceof ChatInput.Download download) {
      files.download(download);
    } else if (input instanceof ChatInput.ListFiles) {
      files.list();
    } else if (input instanceof ChatInput.StartFlow flow) {
      startFlow(flow);
    } else if (input instanceof ChatInput.Agents) {
      rollCall();
    } else if (input instanceof ChatInput.Cancel) {
      cancelDraft();
    } else if (input instanceof Unknown unknown) {
      print(chat.format().error("unknown command " + unknown.command() + "; /help lists them"));
    } else if (input instanceof Invalid invalid) {
      print(chat.format().error(invalid.problem()));
    }
  }

  private void say(String text) {
    String dialogue = requireOpen();
    chat.thread().reportFailure(chat.client().send(dialogue, Shortcodes.expand(text)));
  }

  private void direct(String userId, String text) {
    String content = Shortcodes.expand(text);
    chat.client()
        .sendDirect(userId, content)
        .whenCompleteAsync(
            (ack, e) -> {
              if (e != null) {
                chat.thread().failed(e);
              } else if (!ack.dialogueId().equals(conversation.current())) {
                Dialogues.Entry entry = chat.dialogues().ensure(ack.dialogueId());
                String sent = "you: " + content;
                print(chat.format().notice(entry.label(), sent + " · /open " + entry.label()));
              }
            },
            chat.thread());
  }

  private void join(String roomId) {
    if (chat.dialogues().get(roomId).isEmpty()) {
      RoomInfo room = joined(roomId, () -> chat.api().joinRoom(roomId));
      chat.dialogues().ensure(roomId).name = room == null ? roomId : room.name();
      print(chat.format().good("You joined #" + roomId + "."));
    }
    conversation.open(roomId);
  }

  /**
   * Runs a call that makes the user a member of a room. When it times out, the user may be a member
   * all the same: the SDK re-authorizes for a new room at once, and an answer on the way at that
   * moment can be lost. Then the dialogue list tells, and null stands for the lost answer.
   */
  private @Nullable RoomInfo joined(String roomId, Supplier<RoomInfo> call) {
    try {
      return call.get();
    } catch (GaimaceException e) {
      boolean member =
          e.code().equals(GaimaceException.TIMEOUT)
              && chat.api().dialogues().stream().anyMatch(d -> d.dialogueId().equals(roomId));
      if (!member) {
        throw e;
      }
      return null;
    }
  }

  private void leave() {
    String id = requireOpen();
    if (chat.dialogues().peerOf(id) != null) {
      print(chat.format().error("a direct dialogue cannot be left; /open another one"));
      return;
    }
    chat.api().leaveRoom(id);
    chat.dialogues().remove(id);
    print(chat.format().system("You left #" + id + "."));
    conversation.close();
    chat.dialogues().first().ifPresent(next -> conversation.open(next.id));
  }

  private void create(String roomId, boolean open) {
    String visibility = open ? RoomInfo.PUBLIC : RoomInfo.PRIVATE;
    RoomInfo room =
        joined(
            roomId,
            () ->
                chat.api().createRoom(new CreateRoomRequest(roomId, null, null, visibility, null)));
    chat.dialogues().ensure(roomId).name = room == null ? roomId : room.name();
    print(
        chat.format()
            .good(
                "You created the "
                    + visibility
                    + " room #"
                    + roomId
                    + (open ? "." : "; /invite people to it.")));
    conversation.open(roomId);
  }

  private void invite(String userId) {
    String id = requireOpen();
    if (chat.dialogues().peerOf(id) != null) {
      print(chat.format().error("/invite adds people to the open room; this is a direct dialogue"));
      return;
    }
    chat.api().invite(id, userId);
    print(chat.format().system("You added " + chat.names().of(userId) + " to #" + id + "."));
  }

  private void startFlow(ChatInput.StartFlow flow) {
    String dialogue = requireOpen();
    String question = Shortcodes.expand(flow.question());
    chat.thread()
        .reportFailure(
            flow.chain()
                ? chat.client().chain(dialogue, flow.agents(), question)
                : chat.client().poll(dialogue, flow.agents(), question));
  }

  private void cancelDraft() {
    requireOpen();
    String stream = conversation.newestDraft();
    if (stream == null) {
      print(chat.format().system("No agent is writing here."));
      return;
    }
    chat.thread().reportFailure(chat.client().cancelStream(stream));
  }

  private void rollCall() {
    print(chat.format().system("Calling the roll…"));
    java.util.List<io.gaimace.protocol.Profile> agents =
        chat.client().rollCall(java.time.Duration.ofSeconds(2)).join();
    if (agents.isEmpty()) {
      print(chat.format().system("No agent answered."));
    }
    for (io.gaimace.protocol.Profile p : agents) {
      String caps =
          p.capabilities() == null || p.capabilities().isEmpty()
              ? ""
              : " · skills: " + String.join(", ", p.capabilities());
      String model = p.model() == null ? "" : " · " + p.model();
      String about =
          p.description() == null || p.description().isBlank() ? "" : " — " + p.description();
      print(chat.format().system("@" + p.userId() + " (" + p.name() + ")" + about + caps + model));
    }
  }

  private String requireOpen() {
    String id = conversation.current();
    if (id == null) {
      throw new ChatThread.Mistake("no dialogue is open: /rooms lists them, /open one");
    }
    return id;
  }

  private void print(AttributedString line) {
    chat.view().print(line);
  }
}
