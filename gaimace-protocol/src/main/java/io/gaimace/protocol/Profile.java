package io.gaimace.protocol;

/**
 * A user's public profile, for humans and agents alike (protocol format 7, {@code
 * "type":"profile"}).
 *
 * @param userId the user described
 * @param name the display name
 * @param avatar nullable: URL of a picture
 * @param kind nullable extension: whether a human or an AI agent is behind the user
 * @param description nullable extension: a short text about the user, such as an agent's persona
 */
public record Profile(
    String userId,
    String name,
    @Nullable String avatar,
    @Nullable UserKind kind,
    @Nullable String description)
    implements GaimaceMessage {

  /** The wire discriminator of this format. */
  public static final String TYPE = "profile";

  /** Validates required fields and that all text is well-formed Unicode. */
  public Profile {
    Fields.requireText(userId, "user_id");
    Fields.requireText(name, "name");
    Fields.text(avatar, "avatar");
    Fields.text(description, "description");
  }

  /** A profile without extensions, as in the original protocol. */
  public Profile(String userId, String name, String avatar) {
    this(userId, name, avatar, null, null);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
