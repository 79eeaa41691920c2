package io.gaimace.protocol.api;

/**
 * The request subjects of the Gaimace API. Each is {@code gaimace.api.} followed by an operation.
 */
public final class ApiSubjects {
  /** Prefix of every API request subject. */
  public static final String PREFIX = "gaimace.api";

  public static final String SEND = "send";
  public static final String READ = "read";
  public static final String HISTORY = "history";
  public static final String DIALOGUES = "dialogues";
  public static final String ROOM_CREATE = "room.create";
  public static final String ROOM_GET = "room.get";
  public static final String ROOM_LIST = "room.list";
  public static final String ROOM_JOIN = "room.join";
  public static final String ROOM_LEAVE = "room.leave";
  public static final String ROOM_INVITE = "room.invite";
  public static final String ROOM_REMOVE = "room.remove";
  public static final String ROOM_BAN = "room.ban";
  public static final String ROOM_UNBAN = "room.unban";
  public static final String ROOM_MEMBERS = "room.members";
  public static final String PRESENCE = "presence";
  public static final String PROFILE_GET = "profile.get";
  public static final String PROFILE_SET = "profile.set";
  public static final String DIRECTORY = "directory";
  public static final String WHOAMI = "whoami";
  public static final String ADMIN_USER_ADD = "admin.user.add";
  public static final String ADMIN_USER_REMOVE = "admin.user.remove";
  public static final String ADMIN_USER_LIST = "admin.user.list";
  public static final String ADMIN_TOKEN_CREATE = "admin.token.create";
  public static final String ADMIN_TOKEN_REVOKE = "admin.token.revoke";
  public static final String ADMIN_TOKEN_LIST = "admin.token.list";
  public static final String SEARCH = "search";
  public static final String ROOM_ROLE = "room.role";
  public static final String ROOM_MUTE = "room.mute";
  public static final String ROOM_UNMUTE = "room.unmute";
  public static final String MESSAGE_EDIT = "message.edit";
  public static final String MESSAGE_DELETE = "message.delete";
  public static final String MESSAGE_REACT = "message.react";
  public static final String FILE_UPLOAD_BEGIN = "file.upload.begin";
  public static final String FILE_UPLOAD_CHUNK = "file.upload.chunk";
  public static final String FILE_UPLOAD_COMMIT = "file.upload.commit";
  public static final String FILE_UPLOAD_ABORT = "file.upload.abort";
  public static final String FILE_DOWNLOAD = "file.download";
  // Agents (additive): live reply streams.
  public static final String STREAM_START = "stream.start";
  public static final String STREAM_APPEND = "stream.append";
  public static final String STREAM_END = "stream.end";
  public static final String STREAM_CANCEL = "stream.cancel";
  public static final String STREAM_LIST = "stream.list";

  private ApiSubjects() {}

  /** The full request subject of an operation, e.g. {@code gaimace.api.send}. */
  public static String of(String operation) {
    return PREFIX + "." + operation;
  }

  /** The subject on which the server sends events meant for one user only. */
  public static String userEvents(String userId) {
    return "gaimace.user." + userId;
  }

  /** The subject on which a user's profile changes are announced. */
  public static String profile(String userId) {
    return "profile." + userId;
  }
}
