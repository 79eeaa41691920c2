package io.gaimace.protocol;

/**
 * The agent extension of a chat message (additive, wire name {@code agent}): where a message stands
 * in the conversation between humans and AI agents. Clients that ignore it see a plain message.
 *
 * @param streamId nullable: the reply stream whose final text this message is (see {@link
 *     StreamEvent}), so clients replace the growing draft with it
 * @param hops nullable: how many agent replies lead from the last human message to this one (absent
 *     or 0 for a human's message); agents refuse to answer beyond a limit, which breaks loops
 * @param flow nullable: the poll or chain this message starts or answers
 * @param error nullable: a stable code when the message reports that an agent failed to answer
 *     (such as {@code llm_timeout}); the content then says why in words
 */
public record AgentMeta(
    @Nullable String streamId,
    @Nullable Integer hops,
    @Nullable Flow flow,
    @Nullable String error) {

  /** The largest hop count the server accepts, whatever limit agents use. */
  public static final int MAX_HOPS = 16;

  /** Validates the text fields and the hop range. */
  public AgentMeta {
    Fields.text(streamId, "stream_id");
    Fields.text(error, "error");
    if (hops != null && (hops < 0 || hops > MAX_HOPS)) {
      throw new ProtocolException("field 'hops' must be between 0 and " + MAX_HOPS, "hops", null);
    }
  }

  /** The hop count, 0 when absent. */
  public int hopCount() {
    return hops == null ? 0 : hops;
  }

  public AgentMeta withStreamId(String id) {
    return new AgentMeta(id, hops, flow, error);
  }
}
