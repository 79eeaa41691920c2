package io.gaimace.server.search;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.DirectDialogue;
import io.gaimace.protocol.RoomDialogue;
import io.gaimace.protocol.api.SearchRequest;
import io.gaimace.protocol.api.SearchResults;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Caller;
import io.gaimace.server.api.Check;
import io.gaimace.server.config.SearchLimits;
import io.gaimace.server.messages.DialogueScanner;
import io.gaimace.server.messages.MessageStore;
import io.gaimace.server.messages.Stored;
import io.gaimace.server.rooms.DialogueAccess;
import io.gaimace.server.rooms.DirectLink;
import io.gaimace.server.rooms.MembershipStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * {@code search}: a case-insensitive substring match on message text over the dialogues the caller
 * belongs to now (its rooms and its direct dialogues), or over one of them. There is no index: the
 * server reads the newest messages of each dialogue with a short-lived consumer, so the cost is
 * O(messages scanned), at most {@link SearchLimits#maxScanPerDialogue()} per dialogue and {@link
 * SearchLimits#maxScanPerRequest()} per request, most recently active dialogues first. Deleted
 * messages never match.
 */
public final class SearchService {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;
  public static final int MAX_QUERY_CHARS = 200;

  private final MessageStore store;
  private final DialogueScanner scanner;
  private final DialogueAccess access;
  private final MembershipStore memberships;
  private final SearchLimits limits;

  public SearchService(
      MessageStore store,
      DialogueScanner scanner,
      DialogueAccess access,
      MembershipStore memberships,
      SearchLimits limits) {
    this.store = store;
    this.scanner = scanner;
    this.access = access;
    this.memberships = memberships;
    this.limits = limits;
  }

  private record Target(Dialogue dialogue, Stored newest) {}

  public SearchResults search(Caller caller, SearchRequest req) throws ApiException {
    String query = Check.required(req.query(), "query").strip();
    if (query.isEmpty() || query.length() > MAX_QUERY_CHARS) {
      throw ApiException.invalid("field 'query' must be 1-" + MAX_QUERY_CHARS + " characters");
    }
    if (req.limit() != null && req.limit() < 1) {
      throw ApiException.invalid("field 'limit' must be at least 1");
    }
    if (req.before() != null && req.before() < 1) {
      throw ApiException.invalid("field 'before' must be a stream sequence (>= 1)");
    }
    int limit = Math.min(req.limit() == null ? DEFAULT_LIMIT : req.limit(), MAX_LIMIT);
    String needle = query.toLowerCase(Locale.ROOT);
    List<Target> targets = new ArrayList<>();
    for (Dialogue d : dialogues(caller, req)) {
      store.last(d).ifPresent(last -> targets.add(new Target(d, last)));
    }
    targets.sort(Comparator.comparingLong((Target t) -> t.newest().seq()).reversed());

    PriorityQueue<Stored> best = new PriorityQueue<>(Comparator.comparingLong(Stored::seq));
    long[] matches = {0};
    long scanned = 0;
    long budget = limits.maxScanPerRequest();
    boolean truncated = false;
    for (Target t : targets) {
      long lastPos = t.newest().pos();
      long window = Math.min(Math.min(limits.maxScanPerDialogue(), lastPos), budget);
      if (window < lastPos) {
        truncated = true;
      }
      if (window < 1) {
        continue;
      }
      budget -= window;
      scanned +=
          scanner.scan(
              t.dialogue(),
              lastPos - window + 1,
              lastPos,
              t.newest().seq(),
              req.before(),
              s -> {
                if (matches(s.message(), needle)) {
                  matches[0]++;
                  best.add(s);
                  if (best.size() > limit) {
                    best.poll();
                  }
                }
              });
    }
    List<ChatMessage> out =
        best.stream()
            .sorted(Comparator.comparingLong(Stored::seq).reversed())
            .map(Stored::message)
            .toList();
    return new SearchResults(query, out, matches[0] > limit, scanned, truncated);
  }

  private List<Dialogue> dialogues(Caller caller, SearchRequest req) throws ApiException {
    String me = caller.userId();
    if (req.dialogueId() != null) {
      Dialogue d = Check.dialogue(req.dialogueId(), "dialogue_id");
      access.requireMember(me, d);
      return List.of(d);
    }
    List<Dialogue> out = new ArrayList<>();
    for (String room : memberships.roomsOf(me)) {
      out.add(new RoomDialogue(room));
    }
    for (DirectLink link : memberships.directsOf(me)) {
      out.add(DirectDialogue.between(me, link.peer()));
    }
    return out;
  }

  static boolean matches(ChatMessage m, String needle) {
    return !Boolean.TRUE.equals(m.deleted())
        && m.content().toLowerCase(Locale.ROOT).contains(needle);
  }
}
