package io.gaimace.server;

import io.gaimace.protocol.UserKind;
import io.gaimace.protocol.api.ApiSubjects;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.CreateUserRequest;
import io.gaimace.protocol.api.DeleteRequest;
import io.gaimace.protocol.api.DialogueRequest;
import io.gaimace.protocol.api.DirectoryRequest;
import io.gaimace.protocol.api.EditRequest;
import io.gaimace.protocol.api.FileDownloadRequest;
import io.gaimace.protocol.api.FileUploadAbort;
import io.gaimace.protocol.api.FileUploadBegin;
import io.gaimace.protocol.api.FileUploadChunk;
import io.gaimace.protocol.api.FileUploadCommit;
import io.gaimace.protocol.api.HistoryRequest;
import io.gaimace.protocol.api.MemberRequest;
import io.gaimace.protocol.api.MuteRequest;
import io.gaimace.protocol.api.PresenceRequest;
import io.gaimace.protocol.api.ProfileUpdate;
import io.gaimace.protocol.api.ReactRequest;
import io.gaimace.protocol.api.ReadRequest;
import io.gaimace.protocol.api.RoleRequest;
import io.gaimace.protocol.api.RoomRequest;
import io.gaimace.protocol.api.SearchRequest;
import io.gaimace.protocol.api.SendRequest;
import io.gaimace.protocol.api.StreamAppendRequest;
import io.gaimace.protocol.api.StreamRequest;
import io.gaimace.protocol.api.StreamStartRequest;
import io.gaimace.protocol.api.TokenCreateRequest;
import io.gaimace.protocol.api.TokenCreated;
import io.gaimace.protocol.api.TokenRevokeRequest;
import io.gaimace.protocol.api.UserRequest;
import io.gaimace.server.api.ApiRouter;
import io.gaimace.server.auth.AuthCallout;
import io.gaimace.server.auth.TokenRecord;
import io.gaimace.server.auth.TokenStore;
import io.gaimace.server.config.ServerConfig;
import io.gaimace.server.files.AttachmentResolver;
import io.gaimace.server.files.FileSharing;
import io.gaimace.server.files.FileStores;
import io.gaimace.server.mentions.MentionMarks;
import io.gaimace.server.mentions.MentionService;
import io.gaimace.server.messages.DialogueScanner;
import io.gaimace.server.messages.HistoryReader;
import io.gaimace.server.messages.HistoryService;
import io.gaimace.server.messages.MessageChanges;
import io.gaimace.server.messages.MessageState;
import io.gaimace.server.messages.MessageStates;
import io.gaimace.server.messages.MessageStore;
import io.gaimace.server.messages.Moderation;
import io.gaimace.server.messages.SendService;
import io.gaimace.server.nats.Accounts;
import io.gaimace.server.nats.Buckets;
import io.gaimace.server.nats.ServerConnections;
import io.gaimace.server.nats.StoreSetup;
import io.gaimace.server.ops.HttpEndpoint;
import io.gaimace.server.ops.Metrics;
import io.gaimace.server.presence.ConnectionRecord;
import io.gaimace.server.presence.Kicker;
import io.gaimace.server.presence.Notifier;
import io.gaimace.server.presence.PresenceRecord;
import io.gaimace.server.presence.PresenceService;
import io.gaimace.server.receipts.ReadMarker;
import io.gaimace.server.receipts.ReadService;
import io.gaimace.server.rooms.DialogueAccess;
import io.gaimace.server.rooms.DirectLink;
import io.gaimace.server.rooms.Membership;
import io.gaimace.server.rooms.MembershipStore;
import io.gaimace.server.rooms.ModerationService;
import io.gaimace.server.rooms.MuteRecord;
import io.gaimace.server.rooms.RoomRecord;
import io.gaimace.server.rooms.RoomService;
import io.gaimace.server.search.SearchService;
import io.gaimace.server.streams.StreamRecord;
import io.gaimace.server.streams.StreamService;
import io.gaimace.server.streams.StreamSweeper;
import io.gaimace.server.users.AdminService;
import io.gaimace.server.users.DirectoryService;
import io.gaimace.server.users.UserRecord;
import io.gaimace.server.users.UserStore;
import io.nats.client.Connection;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Gaimace server instance: it wires the pieces together and owns their lifecycle. It keeps no
 * state of its own beyond caches, so any number of instances run side by side on the same NATS and
 * a killed instance loses nothing. Start with {@link #start(ServerConfig)}; {@link #close()} stops
 * it cleanly.
 */
public final class GaimaceServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GaimaceServer.class);

  /** The agents' reply streams (StreamService), kept until idle for its TTL. */
  static final String STREAMS_BUCKET = "gaimace-streams";

  private final ServerConfig config;
  private final Metrics metrics = new Metrics();
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final List<Connection> connections = new ArrayList<>();
  private UserStore users;
  private TokenStore tokens;
  private HttpEndpoint http;

  private GaimaceServer(ServerConfig config) {
    this.config = config;
  }

  /** Connects, creates or updates streams and buckets, and starts serving. */
  public static GaimaceServer start(ServerConfig config) throws IOException, InterruptedException {
    GaimaceServer server = new GaimaceServer(config);
    try {
      server.run();
      return server;
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private void run() throws IOException, InterruptedException {
    String instance = "gaimace-" + UUID.randomUUID().toString().substring(0, 8);
    Clock clock = Clock.systemUTC();
    Connection auth = track(ServerConnections.auth(config, instance));
    AuthCallout callout =
        new AuthCallout(
            auth,
            config.secrets(),
            config.jwtTtl(),
            new AuthCallout.AuthListener() {
              @Override
              public void decided(boolean allowed) {
                metrics.auth(allowed);
              }

              @Override
              public void shed() {
                metrics.authShed();
              }
            });
    closeables.add(callout);
    callout.start();
    Connection chat =
        track(ServerConnections.service(config, Accounts.SERVICE_USER_CHAT, instance));
    Connection svc = track(ServerConnections.service(config, Accounts.SERVICE_USER_SVC, instance));
    Connection sys = track(ServerConnections.service(config, Accounts.SERVICE_USER_SYS, instance));
    try {
      StoreSetup.ensure(
          chat,
          config.retention(),
          config.limits().maxMessageBytes() + 4096 + AttachmentResolver.MAX_ENCODED_BYTES);
      StoreSetup.awaitReady(chat, java.time.Duration.ofSeconds(60));
      FileStores.ensure(chat, config.retention(), config.files());
      FileStores.awaitReady(chat, java.time.Duration.ofSeconds(60));
      StoreSetup.ensureBucket(
          chat.keyValueManagement(),
          STREAMS_BUCKET,
          StreamService.IDLE_TTL,
          config.retention().replicas());
    } catch (io.nats.client.JetStreamApiException e) {
      String hint =
          e.getApiErrorCode() == 10047
              ? " (JetStream has less storage than retention.max-bytes + 1.25 x files.max-bytes"
                  + " asks for: lower them or raise the nats-server's max_file_store)"
              : "";
      throw new IOException(
          "cannot create Gaimace's streams and buckets: " + e.getMessage() + hint, e);
    }

    users = new UserStore(StoreSetup.bucket(chat, StoreSetup.USERS, UserRecord.class));
    tokens = new TokenStore(StoreSetup.bucket(chat, StoreSetup.TOKENS, TokenRecord.class), clock);
    MembershipStore memberships =
        new MembershipStore(
            StoreSetup.bucket(chat, StoreSetup.MEMBERS, Membership.class),
            StoreSetup.bucket(chat, StoreSetup.MEMBERS, DirectLink.class),
            StoreSetup.bucket(chat, StoreSetup.MEMBERS, MuteRecord.class));
    callout.attach(new AuthCallout.Stores(tokens, users, memberships));

    Buckets<RoomRecord> rooms = StoreSetup.bucket(chat, StoreSetup.ROOMS, RoomRecord.class);
    Buckets<ConnectionRecord> conns =
        StoreSetup.bucket(chat, StoreSetup.CONNECTIONS, ConnectionRecord.class);
    Notifier notifier = new Notifier(chat);
    Kicker kicker = new Kicker(sys, conns);
    DialogueAccess access = new DialogueAccess(memberships, users);
    MessageStore messages = new MessageStore(chat, chat.keyValue(StoreSetup.HISTORY_INDEX));
    MentionService mentions =
        new MentionService(
            StoreSetup.bucket(chat, StoreSetup.READS, MentionMarks.class), memberships, notifier);
    ReadService reads =
        new ReadService(
            StoreSetup.bucket(chat, StoreSetup.READS, ReadMarker.class),
            messages,
            access,
            memberships,
            rooms,
            notifier,
            clock,
            mentions);
    MessageStates states =
        new MessageStates(
            StoreSetup.bucket(chat, StoreSetup.MESSAGE_STATE, MessageState.class), chat);
    FileSharing files = FileSharing.open(chat, access, config.files(), metrics, clock);
    SendService send =
        new SendService(
            messages,
            access,
            memberships,
            reads,
            config.limits(),
            metrics,
            clock,
            mentions,
            states,
            files.attachments());
    HistoryService history =
        new HistoryService(
            new HistoryReader(chat, messages), access, config.limits(), metrics, messages, states);
    MessageChanges changes =
        new MessageChanges(
            messages, states, access, new Moderation(memberships), reads, config.limits(), clock);
    RoomService roomService =
        new RoomService(rooms, memberships, users, reads, notifier, kicker, clock);
    ModerationService moderation =
        new ModerationService(rooms, memberships, users, notifier, clock);
    SearchService search =
        new SearchService(
            messages,
            new DialogueScanner(new HistoryReader(chat, messages), messages),
            access,
            memberships,
            config.search());
    DirectoryService directory = new DirectoryService(users, notifier);
    AdminService admin = new AdminService(users, tokens, memberships, kicker, clock);
    PresenceService presence =
        new PresenceService(
            sys,
            chat,
            conns,
            StoreSetup.bucket(chat, StoreSetup.PRESENCE, PresenceRecord.class),
            notifier,
            config.presenceGrace(),
            clock);
    closeables.add(presence);
    presence.start();

    StreamService streams =
        new StreamService(
            StoreSetup.bucket(chat, STREAMS_BUCKET, StreamRecord.class),
            access,
            users,
            send,
            chat,
            config.limits().maxMessageBytes(),
            config.limits().sendsPerSecond(),
            config.limits().sendBurst(),
            clock);
    StreamSweeper sweeper =
        new StreamSweeper(StoreSetup.bucket(chat, STREAMS_BUCKET, StreamRecord.class), chat, clock);
    closeables.add(sweeper);
    sweeper.start();

    ApiRouter router = new ApiRouter(svc, metrics, 8);
    closeables.add(router);
    router
        .route(ApiSubjects.SEND, SendRequest.class, send::send)
        .route(ApiSubjects.READ, ReadRequest.class, reads::read)
        .route(ApiSubjects.HISTORY, HistoryRequest.class, history::history)
        .route(ApiSubjects.DIALOGUES, Empty.class, reads::dialogues)
        .route(ApiSubjects.ROOM_CREATE, CreateRoomRequest.class, roomService::create)
        .route(ApiSubjects.ROOM_GET, RoomRequest.class, roomService::get)
        .route(ApiSubjects.ROOM_LIST, Empty.class, roomService::list)
        .route(ApiSubjects.ROOM_JOIN, RoomRequest.class, roomService::join)
        .route(ApiSubjects.ROOM_LEAVE, RoomRequest.class, roomService::leave)
        .route(ApiSubjects.ROOM_INVITE, MemberRequest.class, roomService::invite)
        .route(ApiSubjects.ROOM_REMOVE, MemberRequest.class, roomService::remove)
        .route(ApiSubjects.ROOM_BAN, MemberRequest.class, roomService::ban)
        .route(ApiSubjects.ROOM_UNBAN, MemberRequest.class, roomService::unban)
        .route(ApiSubjects.ROOM_MEMBERS, RoomRequest.class, roomService::members)
        .route(ApiSubjects.PRESENCE, PresenceRequest.class, presence::list)
        .route(ApiSubjects.PROFILE_GET, UserRequest.class, directory::get)
        .route(ApiSubjects.PROFILE_SET, ProfileUpdate.class, directory::set)
        .route(ApiSubjects.DIRECTORY, DirectoryRequest.class, directory::search)
        .route(ApiSubjects.WHOAMI, Empty.class, directory::whoami)
        .route(ApiSubjects.ADMIN_USER_ADD, CreateUserRequest.class, admin::addUser)
        .route(ApiSubjects.ADMIN_USER_REMOVE, UserRequest.class, admin::removeUser)
        .route(ApiSubjects.ADMIN_USER_LIST, Empty.class, admin::listUsers)
        .route(ApiSubjects.ADMIN_TOKEN_CREATE, TokenCreateRequest.class, admin::createToken)
        .route(ApiSubjects.ADMIN_TOKEN_REVOKE, TokenRevokeRequest.class, admin::revokeToken)
        .route(ApiSubjects.ADMIN_TOKEN_LIST, UserRequest.class, admin::listTokens)
        .route(ApiSubjects.ROOM_ROLE, RoleRequest.class, moderation::setRole)
        .route(ApiSubjects.ROOM_MUTE, MuteRequest.class, moderation::mute)
        .route(ApiSubjects.ROOM_UNMUTE, MemberRequest.class, moderation::unmute)
        .route(ApiSubjects.SEARCH, SearchRequest.class, search::search)
        .route(ApiSubjects.MESSAGE_EDIT, EditRequest.class, changes::edit)
        .route(ApiSubjects.MESSAGE_DELETE, DeleteRequest.class, changes::delete)
        .route(ApiSubjects.MESSAGE_REACT, ReactRequest.class, changes::react)
        .route(ApiSubjects.FILE_UPLOAD_BEGIN, FileUploadBegin.class, files.uploads()::begin)
        .route(ApiSubjects.FILE_UPLOAD_CHUNK, FileUploadChunk.class, files.uploads()::chunk)
        .route(ApiSubjects.FILE_UPLOAD_COMMIT, FileUploadCommit.class, files.uploads()::commit)
        .route(ApiSubjects.FILE_UPLOAD_ABORT, FileUploadAbort.class, files.uploads()::abort)
        .route(ApiSubjects.FILE_DOWNLOAD, FileDownloadRequest.class, files.downloads()::download)
        .route(ApiSubjects.STREAM_START, StreamStartRequest.class, streams::start)
        .route(ApiSubjects.STREAM_APPEND, StreamAppendRequest.class, streams::append)
        .route(ApiSubjects.STREAM_END, StreamRequest.class, streams::end)
        .route(ApiSubjects.STREAM_CANCEL, StreamRequest.class, streams::cancel)
        .route(ApiSubjects.STREAM_LIST, DialogueRequest.class, streams::list);
    router.start();

    metrics.gauge("gaimace_users_online", presence::onlineCount);
    if (config.httpPort() >= 0) {
      http = new HttpEndpoint(config.httpHost(), config.httpPort(), metrics, this::healthy);
      closeables.add(http);
    }
    LOG.info("Gaimace server {} is up on {}", instance, config.natsUrls());
  }

  /** A request without fields. */
  public record Empty() {}

  private Connection track(Connection c) {
    connections.add(c);
    return c;
  }

  /** True while every NATS connection of this instance is connected. */
  public boolean healthy() {
    return !connections.isEmpty()
        && connections.stream().allMatch(c -> c.getStatus() == Connection.Status.CONNECTED);
  }

  public Metrics metrics() {
    return metrics;
  }

  /** The port of the health and metrics endpoint, or -1 when disabled. */
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  /**
   * Creates the first admin user and a token for it when there is no user yet (the server's
   * initialisation). Returns the token, shown once, or empty when users exist already.
   */
  public Optional<TokenCreated> bootstrapAdmin(String userId) {
    if (!users.all().isEmpty()) {
      return Optional.empty();
    }
    UserRecord admin =
        new UserRecord(
            userId, userId, UserKind.HUMAN, null, "Administrator", true, java.time.Instant.now());
    if (!users.create(admin)) {
      return Optional.empty();
    }
    return Optional.of(tokens.create(userId, "bootstrap", null));
  }

  @Override
  public void close() {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        LOG.warn("error while stopping", e);
      }
    }
    for (int i = connections.size() - 1; i >= 0; i--) {
      try {
        connections.get(i).close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
