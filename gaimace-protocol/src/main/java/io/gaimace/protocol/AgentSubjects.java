package io.gaimace.protocol;

/** The subjects of the agents' extension (additive) that are not API operations. */
public final class AgentSubjects {
  /**
   * The roll call: a request published here with a reply subject is answered by every online agent
   * with its {@code profile}. Anyone may publish; only agents may subscribe.
   */
  public static final String ROLL_CALL = "agents.rollcall";

  private AgentSubjects() {}
}
