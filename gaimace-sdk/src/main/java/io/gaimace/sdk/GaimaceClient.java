package io.gaimace.sdk;

import io.gaimace.protocol.AgentMeta;
import io.gaimace.protocol.Attachment;
import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Flow;
import io.gaimace.protocol.MessageReaction;
import io.gaimace.protocol.Presence;
import io.gaimace.protocol.PresenceStatus;
import io.gaimace.protocol.Profile;
import io.gaimace.protocol.ReadReceipt;
import io.gaimace.protocol.StreamEvent;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.DeleteRequest;
import io.gaimace.protocol.api.DialogueList;
import io.gaimace.protocol.api.DialogueRequest;
import io.gaimace.protocol.api.DialogueSummary;
import io.gaimace.protocol.api.Directory;
import io.gaimace.protocol.api.DirectoryRequest;
import io.gaimace.protocol.api.EditRequest;
import io.gaimace.protocol.api.HistoryPage;
import io.gaimace.protocol.api.HistoryRequest;
import io.gaimace.protocol.api.Member;
import io.gaimace.protocol.api.MemberList;
import io.gaimace.protocol.api.MemberRequest;
import io.gaimace.protocol.api.MuteRequest;
import io.gaimace.protocol.api.Ok;
import io.gaimace.protocol.api.PresenceList;
import io.gaimace.protocol.api.PresenceRequest;
import io.gaimace.protocol.api.ProfileUpdate;
import io.gaimace.protocol.api.ReactRequest;
import io.gaimace.protocol.api.ReadRequest;
import io.gaimace.protocol.api.RoleRequest;
import io.gaimace.protocol.api.RoomInfo;
import io.gaimace.protocol.api.RoomList;
import io.gaimace.protocol.api.RoomRequest;
import io.gaimace.protocol.api.SearchRequest;
import io.gaimace.protocol.api.SearchResults;
import io.gaimace.protocol.api.SendAck;
import io.gaimace.protocol.api.SendRequest;
import io.gaimace.protocol.api.StreamAppendRequest;
import io.gaimace.protocol.api.StreamInfo;
import io.gaimace.protocol.api.StreamList;
import io.gaimace.protocol.api.StreamRequest;
import io.gaimace.protocol.api.StreamStartRequest;
import io.gaimace.protocol.api.UserRequest;
import io.gaimace.sdk.internal.Api;
import io.gaimace.sdk.internal.FileTransfers;
import io.gaimace.sdk.internal.Session;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A connected Gaimace user. Thread-safe. Requests return futures that fail with {@link
 * GaimaceException}; {@link #blocking(java.time.Duration)} offers the same calls blocking. Events
 * reach {@link GaimaceListener}s on one event thread, in order.
 *
 * <p>Nothing is lost across disconnects: sends wait in an outbox until the server acknowledges them
 * (each exactly once, thanks to client ids), and the messages of every dialogue missed while
 * disconnected are recovered from history and delivered in order before new ones. Gaining or losing
 * a room is handled inside: the client re-authorizes and subscribes as needed.
 */
public final class GaimaceClient implements AutoCloseable {
  private final Session session;
  private final Api api;
  private final FileTransfers files;

  private GaimaceClient(Session session) {
    this.session = session;
    this.api = session.api();
    this.files = new FileTransfers(api);
  }

  static GaimaceClient open(ClientOptions options) {
    return new GaimaceClient(Session.open(options));
  }

  /** The user this client is logged in as. */
  public String userId() {
    return session.userId();
  }

  public ConnectionState state() {
    return session.state();
  }

  /** Registers a listener; events from now on reach it. */
  public void addListener(GaimaceListener listener) {
    session.addListener(listener);
  }

  public void removeListener(GaimaceListener listener) {
    session.removeListener(listener);
  }

  // Messages

  /** Posts to a room or direct dialogue (by dialogue id); queued while disconnected. */
  public CompletableFuture<SendAck> send(String dialogueId, String content) {
    return session.outbox().submit(new SendRequest(dialogueId, null, content, clientId()));
  }

  /** Sends a direct message to a user; queued while disconnected. */
  public CompletableFuture<SendAck> sendDirect(String userId, String content) {
    return session.outbox().submit(new SendRequest(null, userId, content, clientId()));
  }

  /**
   * The newest {@code limit} messages before {@code beforeSeq} (null: the newest), oldest first.
   */
  public CompletableFuture<HistoryPage> history(String dialogueId, Long beforeSeq, int limit) {
    return api.call(
        ApiSubjects.HISTORY,
        new HistoryRequest(dialogueId, beforeSeq, null, limit),
        HistoryPage.class);
  }

  /** Answers a message of the same dialogue, in its thread; queued while disconnected. */
  public CompletableFuture<SendAck> reply(String dialogueId, String replyToId, String content) {
    return session
        .outbox()
        .submit(new SendRequest(dialogueId, null, content, clientId(), replyToId, null));
  }

  /** A thread: its first message, then up to 50 of its replies in order. */
  public CompletableFuture<HistoryPage> thread(String dialogueId, String messageId) {
    return thread(dialogueId, messageId, 50);
  }

  /**
   * A thread: its first message, then its replies in order (at most {@code limit}; {@code
   * messageId} may be any message of the thread).
   */
  public CompletableFuture<HistoryPage> thread(String dialogueId, String messageId, int limit) {
    return api.call(
        ApiSubjects.HISTORY,
        new HistoryRequest(dialogueId, null, null, limit, messageId),
        HistoryPage.class);
  }

  /** Replaces the text of one of the user's own messages; returns the message as it is now. */
  public CompletableFuture<ChatMessage> edit(String dialogueId, String messageId, String content) {
    return api.call(
        ApiSubjects.MESSAGE_EDIT,
        new EditRequest(dialogueId, messageId, content),
        ChatMessage.class);
  }

  /** Deletes a message (the user's own, or any in a room the user moderates). */
  public CompletableFuture<ChatMessage> delete(String dialogueId, String messageId) {
    return api.call(
        ApiSubjects.MESSAGE_DELETE, new DeleteRequest(dialogueId, messageId), ChatMessage.class);
  }

  /** Adds the user's reaction: one emoji, as Unicode or a {@code :shortcode:}. */
  public CompletableFuture<ChatMessage> react(String dialogueId, String messageId, String emoji) {
    return api.call(
        ApiSubjects.MESSAGE_REACT,
        new ReactRequest(dialogueId, messageId, emoji, MessageReaction.ADD),
        ChatMessage.class);
  }

  /** Removes the user's reaction with this emoji. */
  public CompletableFuture<ChatMessage> unreact(String dialogueId, String messageId, String emoji) {
    return api.call(
        ApiSubjects.MESSAGE_REACT,
        new ReactRequest(dialogueId, messageId, emoji, MessageReaction.REMOVE),
        ChatMessage.class);
  }

  /** Marks a dialogue read up to a message; the other members see a {@code read} receipt. */
  public CompletableFuture<ReadReceipt> markRead(String dialogueId, long seq) {
    return api.call(ApiSubjects.READ, new ReadRequest(dialogueId, seq), ReadReceipt.class);
  }

  /**
   * The user's rooms and direct dialogues with unread counts, including {@code unreadMentions}:
   * unread messages that mention the user.
   */
  public CompletableFuture<List<DialogueSummary>> dialogues() {
    return api.call(ApiSubjects.DIALOGUES, Map.of(), DialogueList.class)
        .thenApply(DialogueList::dialogues);
  }

  /** Says the user is typing in a dialogue; call on every keystroke, the SDK throttles. */
  public void typing(String dialogueId) {
    session.typing(dialogueId, true);
  }

  /** Says the user stopped typing (e.g. cleared the input or sent). */
  public void stopTyping(String dialogueId) {
    session.typing(dialogueId, false);
  }

  // Rooms

  public CompletableFuture<RoomInfo> createRoom(CreateRoomRequest request) {
    return api.call(ApiSubjects.ROOM_CREATE, request, RoomInfo.class)
        .thenCompose(r -> session.roomGained(r));
  }

  public CompletableFuture<RoomInfo> joinRoom(String roomId) {
    return api.call(ApiSubjects.ROOM_JOIN, new RoomRequest(roomId), RoomInfo.class)
        .thenCompose(r -> session.roomGained(r));
  }

  public CompletableFuture<Void> leaveRoom(String roomId) {
    return api.call(ApiSubjects.ROOM_LEAVE, new RoomRequest(roomId), Ok.class)
        .thenRun(() -> session.roomLost(roomId));
  }

  public CompletableFuture<Void> invite(String roomId, String userId) {
    return api.call(ApiSubjects.ROOM_INVITE, new MemberRequest(roomId, userId), Ok.class)
        .thenApply(ok -> null);
  }

  /** Removes a member (owners and moderators); the member is cut off at once. */
  public CompletableFuture<Void> removeMember(String roomId, String userId) {
    return api.call(ApiSubjects.ROOM_REMOVE, new MemberRequest(roomId, userId), Ok.class)
        .thenApply(ok -> null);
  }

  /** Bans a user from a room (owners and moderators); a member is removed and cut off at once. */
  public CompletableFuture<Void> ban(String roomId, String userId) {
    return api.call(ApiSubjects.ROOM_BAN, new MemberRequest(roomId, userId), Ok.class)
        .thenApply(ok -> null);
  }

  public CompletableFuture<Void> unban(String roomId, String userId) {
    return api.call(ApiSubjects.ROOM_UNBAN, new MemberRequest(roomId, userId), Ok.class)
        .thenApply(ok -> null);
  }

  /**
   * Sets a member's role (the room's owner only): {@code moderator} or {@code member}, or {@code
   * owner} to hand the room over (the caller then becomes a moderator).
   */
  public CompletableFuture<Void> setRole(String roomId, String userId, String role) {
    return api.call(ApiSubjects.ROOM_ROLE, new RoleRequest(roomId, userId, role), Ok.class)
        .thenApply(ok -> null);
  }

  /**
   * Mutes a member (owners and moderators): it keeps reading, but its sends to the room fail with
   * {@code muted}. {@code until} may be null: muted until {@link #unmute}.
   */
  public CompletableFuture<Void> mute(String roomId, String userId, java.time.Instant until) {
    return api.call(ApiSubjects.ROOM_MUTE, new MuteRequest(roomId, userId, until), Ok.class)
        .thenApply(ok -> null);
  }

  public CompletableFuture<Void> unmute(String roomId, String userId) {
    return api.call(ApiSubjects.ROOM_UNMUTE, new MemberRequest(roomId, userId), Ok.class)
        .thenApply(ok -> null);
  }

  /**
   * Searches message text (case-insensitive) in the user's dialogues, newest first.
   *
   * @param dialogueId nullable: search this dialogue only
   * @param limit at most this many results (the server caps it at 100)
   * @param beforeSeq nullable: continue after the last result of a previous page (its {@code seq})
   */
  public CompletableFuture<SearchResults> search(
      String query, String dialogueId, int limit, Long beforeSeq) {
    return api.call(
        ApiSubjects.SEARCH,
        new SearchRequest(query, dialogueId, limit, beforeSeq),
        SearchResults.class);
  }

  /** The user's rooms and every public room. */
  public CompletableFuture<List<RoomInfo>> rooms() {
    return api.call(ApiSubjects.ROOM_LIST, Map.of(), RoomList.class).thenApply(RoomList::rooms);
  }

  public CompletableFuture<List<Member>> members(String roomId) {
    return api.call(ApiSubjects.ROOM_MEMBERS, new RoomRequest(roomId), MemberList.class)
        .thenApply(MemberList::members);
  }

  // People

  /** Sets the user's own status (online, away); others see it at once. */
  public void setStatus(PresenceStatus status) {
    session.publishPresence(status);
  }

  /** Presence of the given users (online, away or offline, with last-seen times). */
  public CompletableFuture<List<Presence>> presence(List<String> userIds) {
    return api.call(ApiSubjects.PRESENCE, new PresenceRequest(userIds), PresenceList.class)
        .thenApply(PresenceList::users);
  }

  public CompletableFuture<Profile> profile(String userId) {
    return api.call(ApiSubjects.PROFILE_GET, new UserRequest(userId), Profile.class);
  }

  /** Changes the user's own profile; absent fields stay as they are. */
  public CompletableFuture<Profile> updateProfile(ProfileUpdate update) {
    return api.call(ApiSubjects.PROFILE_SET, update, Profile.class);
  }

  /** Searches the user directory by id or name (null or empty: everyone). */
  public CompletableFuture<List<Profile>> directory(String query) {
    return api.call(ApiSubjects.DIRECTORY, new DirectoryRequest(query, null, null), Directory.class)
        .thenApply(Directory::users);
  }

  // Files

  /**
   * Uploads a file into a dialogue the user belongs to; the future gives the attachment to send
   * (see {@link #sendFile}). The MIME type is guessed from the file ({@code
   * application/octet-stream} when unknown). Until the upload completes nothing of it is visible.
   */
  public CompletableFuture<Attachment> upload(String dialogueId, Path file) {
    return files.upload(dialogueId, file);
  }

  /**
   * Uploads {@code size} bytes read from {@code content} (not closed here) under a file name and
   * MIME type (null: {@code application/octet-stream}).
   */
  public CompletableFuture<Attachment> upload(
      String dialogueId, String name, String mime, InputStream content, long size) {
    return files.upload(dialogueId, name, mime, content, size);
  }

  /**
   * Uploads a file and posts a message carrying it; the text is {@code caption}, or the file name
   * when the caption is null or blank.
   */
  public CompletableFuture<SendAck> sendFile(String dialogueId, Path file, String caption) {
    return upload(dialogueId, file).thenCompose(a -> sendAttachments(dialogueId, caption, a));
  }

  /** Posts a message carrying files this user uploaded into the same dialogue. */
  public CompletableFuture<SendAck> sendAttachments(
      String dialogueId, String caption, Attachment... attachments) {
    String content =
        caption == null || caption.isBlank()
            ? java.util.Arrays.stream(attachments)
                .map(Attachment::name)
                .collect(java.util.stream.Collectors.joining(", "))
            : caption;
    List<String> ids = java.util.Arrays.stream(attachments).map(Attachment::id).toList();
    return session
        .outbox()
        .submit(new SendRequest(dialogueId, null, content, clientId(), null, ids));
  }

  /**
   * The content of an attached file, fetched chunk by chunk as it is read (a few chunks ahead at
   * most); reading past the end checks size and SHA-256 and throws {@link java.io.IOException} on a
   * mismatch. Members of the file's dialogue only: others fail with {@code not_member}.
   */
  public InputStream download(Attachment attachment) {
    return files.open(attachment);
  }

  /**
   * Downloads an attached file to {@code target} (replacing it); the file appears only complete and
   * verified.
   */
  public CompletableFuture<Path> download(Attachment attachment, Path target) {
    return files.download(attachment, target);
  }

  /** Blocking versions of these calls, each waiting at most {@code timeout}. */
  public BlockingGaimace blocking(java.time.Duration timeout) {
    return new BlockingGaimace(this, timeout);
  }

  /** Messages sent but not yet acknowledged by the server. */
  public int pendingSends() {
    return session.outbox().pending();
  }

  /** Announces the user offline and closes the connection. */
  @Override
  public void close() {
    files.close();
    session.close();
  }

  private static String clientId() {
    return UUID.randomUUID().toString();
  }

  // Agents (additive): messages with the agent extension, reply streams, roll call, flows.

  /**
   * Posts a message with extensions (reply_to, agent hops or flow); queued while disconnected. A
   * missing {@code client_id} is filled in.
   */
  public CompletableFuture<SendAck> post(SendRequest request) {
    SendRequest r =
        request.clientId() != null
            ? request
            : new SendRequest(
                request.dialogueId(),
                request.recipient(),
                request.content(),
                clientId(),
                request.replyTo(),
                request.attachments(),
                request.agent());
    return session.outbox().submit(r);
  }

  /** Opens a reply stream in a dialogue; members see it grow live. */
  public CompletableFuture<StreamInfo> startStream(StreamStartRequest request) {
    return api.call(ApiSubjects.STREAM_START, request, StreamInfo.class);
  }

  /** Appends to one's open stream; wait for each append before the next, to keep their order. */
  public CompletableFuture<StreamInfo> appendStream(String streamId, String delta) {
    return api.call(
        ApiSubjects.STREAM_APPEND, new StreamAppendRequest(streamId, delta), StreamInfo.class);
  }

  /** Ends one's stream: its text is stored as one normal message, whose ack this is. */
  public CompletableFuture<SendAck> endStream(String streamId) {
    return api.call(ApiSubjects.STREAM_END, new StreamRequest(streamId), SendAck.class);
  }

  /**
   * Cancels a stream (one's own, or any in the user's dialogues for a human); nothing is stored.
   */
  public CompletableFuture<StreamInfo> cancelStream(String streamId) {
    return api.call(ApiSubjects.STREAM_CANCEL, new StreamRequest(streamId), StreamInfo.class);
  }

  /** The dialogue's streams under way, with their text so far, to catch up after (re)connecting. */
  public CompletableFuture<List<StreamEvent>> openStreams(String dialogueId) {
    return api.call(ApiSubjects.STREAM_LIST, new DialogueRequest(dialogueId), StreamList.class)
        .thenApply(StreamList::streams);
  }

  /** Directory search with every filter (kind, capability, limit). */
  public CompletableFuture<List<Profile>> directory(DirectoryRequest request) {
    return api.call(ApiSubjects.DIRECTORY, request, Directory.class).thenApply(Directory::users);
  }

  /**
   * Roll call: asks every online agent for its profile and gathers the answers that arrive within
   * {@code window} (one per agent, however many replicas it runs), sorted by user id.
   */
  public CompletableFuture<List<Profile>> rollCall(java.time.Duration window) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return session.rollCall(window);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GaimaceException(GaimaceException.CLOSED, "interrupted", e);
          }
        });
  }

  /** Makes this client answer roll calls with the profile the supplier gives (agents only). */
  public void answerRollCall(java.util.function.Supplier<Profile> profile) {
    session.answerRollCall(profile);
  }

  /** Starts a poll: every agent named answers {@code question} at once. */
  public CompletableFuture<SendAck> poll(String dialogueId, List<String> agents, String question) {
    return startFlow(Flow.POLL, dialogueId, agents, question);
  }

  /** Starts a chain: the agents answer {@code question} in order, each seeing earlier answers. */
  public CompletableFuture<SendAck> chain(String dialogueId, List<String> agents, String question) {
    return startFlow(Flow.CHAIN, dialogueId, agents, question);
  }

  private CompletableFuture<SendAck> startFlow(
      String kind, String dialogueId, List<String> agents, String question) {
    Flow flow = new Flow(UUID.randomUUID().toString(), kind, agents, 0);
    return post(
        new SendRequest(
            dialogueId,
            null,
            question,
            clientId(),
            null,
            null,
            new AgentMeta(null, 0, flow, null)));
  }

  /** A chat message's dialogue id for a direct conversation with {@code userId}. */
  public String directDialogueId(String userId) {
    return io.gaimace.protocol.DirectDialogue.between(userId(), userId).id();
  }
}
