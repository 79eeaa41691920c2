package io.gaimace.cli.chat;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.MessageEvent;
import io.gaimace.protocol.Nullable;
import io.gaimace.protocol.Presence;
import io.gaimace.protocol.PresenceStatus;
import io.gaimace.protocol.ReadReceipt;
import io.gaimace.protocol.Typing;
import io.gaimace.protocol.TypingStatus;
import io.gaimace.protocol.api.HistoryPage;
import io.gaimace.protocol.api.Member;
import io.gaimace.sdk.ConnectionState;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The open dialogue: what has been shown of it (for day separators, {@code /more} and duplicates),
 * who is in it and online, who types, and the status line and prompt that say so. Marks what is
 * shown as read and says when others have seen one's last message. Chat thread only, except {@link
 * #current()}.
 */
final class Conversation {
  static final int PAGE = 30;

  private final ChatContext chat;
  private final Clock clock;
  private final ReadMarker reads;
  private final ShownFiles files = new ShownFiles();
  private volatile @Nullable String current;
  private @Nullable LocalDate lastDay;
  private long oldest;
  private long newest;
  private boolean more;
  private long ownLast;
  private final Set<String> seenBy = new HashSet<>();
  private final Map<String, PresenceStatus> presence = new LinkedHashMap<>();
  private final List<String> typists = new ArrayList<>();
  private final Drafts drafts = new Drafts();
  private ConnectionState state = ConnectionState.CONNECTED;
  private volatile List<String> labels = List.of();
  private final ShownMessages shown = new ShownMessages();

  Conversation(ChatContext chat, Clock clock) {
    this.chat = chat;
    this.clock = clock;
    this.reads =
        new ReadMarker(
            chat.thread(),
            clock::millis,
            (dialogue, seq) -> chat.thread().reportFailure(chat.client().markRead(dialogue, seq)));
  }

  /** The open dialogue's id, or null; read by the terminal's thread for typing. */
  @Nullable
  String current() {
    return current;
  }

  /** The open dialogue's id; a {@link ChatThread.Mistake} telling what to do when none is open. */
  String requireCurrent() {
    String id = current;
    if (id == null) {
      throw new ChatThread.Mistake("no dialogue is open: /rooms lists them, /open one");
    }
    return id;
  }

  /** Opens a dialogue: its recent history, its members' presence. */
  void open(String dialogueId) {
    HistoryPage page = chat.api().history(dialogueId, null, PAGE);
    List<String> members = members(dialogueId);
    List<Presence> online = chat.api().presence(members);
    current = dialogueId;
    drafts.clear();
    try {
      chat.client().openStreams(dialogueId).join().forEach(drafts::apply);
    } catch (RuntimeException e) {
      // a server without reply streams: nothing to catch up with
    }
    lastDay = null;
    oldest = Long.MAX_VALUE;
    newest = 0;
    ownLast = 0;
    seenBy.clear();
    typists.clear();
    presence.clear();
    shown.clear();
    members.forEach(m -> presence.put(m, PresenceStatus.OFFLINE));
    online.forEach(p -> presence.put(p.userId(), p.status()));
    Dialogues.Entry entry = chat.dialogues().ensure(dialogueId);
    entry.unread = 0;
    entry.mentions = 0;
    String name = entry.isRoom() ? entry.name : chat.names().of(entry.peer);
    chat.view().print(chat.format().title(entry.label(), name));
    if (page.more()) {
      chat.view().print(chat.format().system("(older messages: /more)"));
    }
    if (page.messages().isEmpty()) {
      chat.view().print(chat.format().system("no messages yet: say hello!"));
    }
    more = page.more();
    page.messages().forEach(this::show);
    refresh();
  }

  /** Nothing is open any more (the room was left or lost). */
  void close() {
    current = null;
    presence.clear();
    typists.clear();
    refresh();
  }

  /** Shows the page before the oldest message shown. */
  void more() {
    String id = current;
    if (id == null) {
      throw new ChatThread.Mistake("no dialogue is open: /rooms lists them, /open one");
    }
    String label = chat.dialogues().label(id);
    if (!more || oldest == Long.MAX_VALUE) {
      chat.view().print(chat.format().system("that is the beginning of " + label));
      return;
    }
    HistoryPage page = chat.api().history(id, oldest, PAGE);
    chat.view().print(chat.format().system("── earlier in " + label + " ──"));
    LocalDate day = null;
    shown.addOlder(page.messages());
    for (ChatMessage m : page.messages()) {
      day = separate(day, m);
      chat.view().print(format(m));
      files.show(m, chat.format()).forEach(chat.view()::print);
      oldest = Math.min(oldest, m.seq());
    }
    more = page.more();
    chat.view().print(chat.format().system(more ? "(still older: /more)" : "(the beginning)"));
  }

  /** A new message of the open dialogue. */
  void live(ChatMessage m) {
    if (m.seq() != null && m.seq() <= newest) {
      return; // already shown with the history
    }
    boolean stoppedTyping = typists.remove(m.sender());
    if (show(m) || stoppedTyping) {
      refresh();
    }
  }

  /** Shows a message; true when its sender was not known to be in the dialogue. */
  private boolean show(ChatMessage m) {
    lastDay = separate(lastDay, m);
    shown.add(m);
    chat.view().print(format(m));
    files.show(m, chat.format()).forEach(chat.view()::print);
    long seq = m.seq() == null ? 0 : m.seq();
    newest = Math.max(newest, seq);
    oldest = Math.min(oldest, seq);
    boolean newcomer = presence.putIfAbsent(m.sender(), PresenceStatus.ONLINE) == null;
    if (m.sender().equals(chat.me())) {
      ownLast = seq;
      seenBy.clear();
    } else if (seq > 0) {
      reads.seen(m.dialogueId(), seq);
    }
    return newcomer;
  }

  /** A message line, naming whom it answers when that message is shown. */
  AttributedString format(ChatMessage m) {
    String replied =
        m.replyTo() == null
            ? null
            : shown.get(m.replyTo()).map(r -> chat.names().of(r.sender())).orElse(null);
    return chat.format().message(m, chat.names().of(m.sender()), replied);
  }

  /** The messages shown, for references like {@code ^2}. */
  ShownMessages shown() {
    return shown;
  }

  /** An edit, deletion or reaction: noted under the messages when its dialogue is open. */
  void change(MessageEvent e) {
    if (!e.dialogueId().equals(current)) {
      return;
    }
    long seq = e.seq() == null ? 0 : e.seq();
    if (seq > 0 && seq <= newest) {
      return; // older than the history shown, which has it already
    }
    newest = Math.max(newest, seq);
    shown.apply(e);
    String ref = shown.refOf(e.messageId());
    chat.view().print(chat.format().change(e, chat.names().of(e.sender()), ref));
    if (!e.sender().equals(chat.me()) && seq > 0) {
      reads.seen(e.dialogueId(), seq);
    }
  }

  private LocalDate separate(@Nullable LocalDate previous, ChatMessage m) {
    LocalDate day = chat.format().dayOf(m.timestamp());
    if (!day.equals(previous)) {
      chat.view().print(chat.format().daySeparator(day, LocalDate.now(clock)));
    }
    return day;
  }

  void typing(Typing t) {
    if (!t.dialogueId().equals(current)) {
      return;
    }
    boolean changed =
        t.status() == TypingStatus.TYPING
            ? !typists.contains(t.userId()) && typists.add(t.userId())
            : typists.remove(t.userId());
    if (changed) {
      refresh();
    }
  }

  /** An agent's answer grew, ended or was cancelled. */
  void stream(io.gaimace.protocol.StreamEvent e) {
    if (!e.dialogueId().equals(current)) {
      return;
    }
    drafts.apply(e);
    // an agent that cancels its own answer says why itself (an error notice follows)
    if (io.gaimace.protocol.StreamEvent.CANCELLED.equals(e.state()) && !e.sender().equals(e.by())) {
      String by = e.by() == null ? "it expired" : "by " + chat.names().of(e.by());
      chat.view()
          .print(
              chat.format()
                  .system(chat.names().of(e.sender()) + "'s answer was cancelled (" + by + ")"));
    }
    refresh();
  }

  /** The newest answer being written in the open dialogue, for {@code /cancel}. */
  @Nullable
  String newestDraft() {
    return drafts.newest();
  }

  void presence(Presence p) {
    if (!presence.containsKey(p.userId())) {
      return;
    }
    PresenceStatus before = presence.put(p.userId(), p.status());
    if (before != p.status() && !p.userId().equals(chat.me())) {
      chat.view()
          .print(
              chat.format().system(chat.names().of(p.userId()) + " is " + p.status().wireValue()));
    }
    if (p.status() == PresenceStatus.OFFLINE) {
      typists.remove(p.userId());
    }
    refresh();
  }

  /** Someone read the dialogue: "seen by" for one's own last message, once per reader. */
  void read(ReadReceipt r) {
    if (!r.dialogueId().equals(current) || r.userId().equals(chat.me()) || r.seq() == null) {
      return;
    }
    if (ownLast > 0 && r.seq() >= ownLast && seenBy.add(r.userId())) {
      chat.view().print(chat.format().system("  ✓ seen by " + chat.names().of(r.userId())));
    }
  }

  void connection(ConnectionState s) {
    state = s;
    refresh();
  }

  /** Redraws the status line and the prompt. */
  void refresh() {
    labels = chat.dialogues().all().stream().map(Dialogues.Entry::label).toList();
    String id = current;
    String label = id == null ? null : chat.dialogues().label(id);
    List<String> typing =
        typists.stream().filter(u -> !drafts.writing(u)).map(chat.names()::of).toList();
    chat.view()
        .status(
            new StatusLine(state, label, presenceText(id), typing, drafts.line(chat.names()::of))
                .render(theme()));
    AttributedStringBuilder prompt = new AttributedStringBuilder();
    if (label != null) {
      prompt.styled(theme().dialogue(), label).append(' ');
    }
    chat.view().prompt(prompt.styled(theme().system(), "› ").toAttributedString());
  }

  private @Nullable String presenceText(@Nullable String id) {
    if (id == null) {
      return null;
    }
    String peer = chat.dialogues().peerOf(id);
    if (peer != null) {
      PresenceStatus s = presence.getOrDefault(peer, PresenceStatus.OFFLINE);
      return chat.names().of(peer) + " " + s.wireValue();
    }
    long here = presence.values().stream().filter(s -> s != PresenceStatus.OFFLINE).count();
    return here + " online";
  }

  /** Members of a room, or the two users of a direct dialogue. */
  List<String> members(String dialogueId) {
    String peer = chat.dialogues().peerOf(dialogueId);
    if (peer != null) {
      return List.of(chat.me(), peer);
    }
    return chat.api().members(dialogueId).stream().map(Member::userId).toList();
  }

  /** {@code #room} and {@code @user} of the known dialogues, for completion; any thread. */
  List<String> labels() {
    return labels;
  }

  /** The presence known for the open dialogue's members. */
  Map<String, PresenceStatus> presence() {
    return Map.copyOf(presence);
  }

  /** The attachments shown so far, numbered for {@code /download}. */
  ShownFiles files() {
    return files;
  }

  private Theme theme() {
    return chat.format().theme();
  }
}
