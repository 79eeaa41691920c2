package io.gaimace.server.nats;

/**
 * The NATS accounts Gaimace runs in. Users live in {@link #CHAT}; the API is served from {@link
 * #SVC} and imported into CHAT with {@code share: true}, so every request carries the caller's
 * identity in a header the NATS server sets; {@link #AUTH} holds only the auth callout's user.
 */
public final class Accounts {
  public static final String AUTH = "AUTH";
  public static final String CHAT = "CHAT";
  public static final String SVC = "SVC";
  public static final String SYS = "SYS";

  /** The callout's own NATS user, the only one that bypasses the callout. */
  public static final String AUTH_USER = "gaimace-auth";

  /** The server's own connections: static users that bypass the callout (see NatsLayout). */
  public static final String SERVICE_USER_CHAT = "gaimace-chat";

  public static final String SERVICE_USER_SVC = "gaimace-svc";
  public static final String SERVICE_USER_SYS = "gaimace-sys";

  private Accounts() {}

  /** User ids starting with this are the server's own and cannot be given to users. */
  public static final String RESERVED_PREFIX = "gaimace-";

  /** True for the server's own user names, which are not Gaimace users. */
  public static boolean isReserved(String userId) {
    return userId.startsWith(RESERVED_PREFIX);
  }
}
