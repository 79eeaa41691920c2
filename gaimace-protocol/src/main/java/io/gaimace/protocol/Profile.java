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
 * @param capabilities nullable extension: what an agent can do, as short lower-case tags such as
 *     {@code summarize}; searchable in the directory
 * @param model nullable extension: the model behind an agent, such as {@code llama3.2:1b}
 */
public record Profile(
    String userId,
    String name,
    @Nullable String avatar,
    @Nullable UserKind kind,
    @Nullable String description,
    @Nullable java.util.List<String> capabilities,
    @Nullable String model)
    implements GaimaceMessage {

  /** The wire discriminator of this format. */
  public static final String TYPE = "profile";

  /** Validates required fields and that all text is well-formed Unicode. */
  public Profile {
    Fields.requireText(userId, "user_id");
    Fields.requireText(name, "name");
    Fields.text(avatar, "avatar");
    Fields.text(description, "description");
    Fields.text(model, "model");
    capabilities = capabilities == null ? null : java.util.List.copyOf(capabilities);
    if (capabilities != null) {
      capabilities.forEach(c -> Fields.requireText(c, "capabilities"));
    }
  }

  /** A profile without the agent extensions. */
  public Profile(String userId, String name, String avatar, UserKind kind, String description) {
    this(userId, name, avatar, kind, description, null, null);
  }

  /** A profile without extensions, as in the original protocol. */
  public Profile(String userId, String name, String avatar) {
    this(userId, name, avatar, null, null, null, null);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
