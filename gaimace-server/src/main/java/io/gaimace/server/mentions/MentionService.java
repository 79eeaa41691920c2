package io.gaimace.server.mentions;

import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.DirectDialogue;
import io.gaimace.protocol.Mentions;
import io.gaimace.protocol.RoomDialogue;
import io.gaimace.protocol.api.MentionEvent;
import io.gaimace.server.messages.DialogueKeys;
import io.gaimace.server.messages.Stored;
import io.gaimace.server.nats.Buckets;
import io.gaimace.server.presence.Notifier;
import io.gaimace.server.rooms.MembershipStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code @user} mentions. On send, the server finds the mentions in the text ({@link Mentions}),
 * keeps those of users who belong to the dialogue (room members; in a direct dialogue the peer),
 * never the sender itself, and stores them in the message's {@code mentions}. Once the message is
 * stored, each mentioned user is told on {@code gaimace.user.<id>} (so it hears of it without
 * watching the dialogue) and the message's sequence is noted for it, under {@code
 * _mentions.<user>.<dialogue key>} in the {@code gaimace-reads} bucket. Its unread mentions are
 * those noted after its read marker: reading past the message clears them without a write.
 */
public final class MentionService {
  /** Mentions looked at per message; each costs one membership read. */
  public static final int MAX_MENTIONS_PER_MESSAGE = 50;

  /** Noted mentions per user and dialogue; the count shows at most this many. */
  public static final int MAX_NOTED = 100;

  private static final int CAS_ATTEMPTS = 8;

  private final Buckets<MentionMarks> marks;
  private final MembershipStore memberships;
  private final Notifier notifier;

  public MentionService(
      Buckets<MentionMarks> marks, MembershipStore memberships, Notifier notifier) {
    this.marks = marks;
    this.memberships = memberships;
    this.notifier = notifier;
  }

  /** The users the text mentions who belong to the dialogue, sorted; null when none. */
  public List<String> resolve(String sender, Dialogue dialogue, String content) {
    List<String> out = new ArrayList<>();
    List<String> candidates = Mentions.userIds(content);
    for (String id : candidates.subList(0, Math.min(candidates.size(), MAX_MENTIONS_PER_MESSAGE))) {
      if (!id.equals(sender) && belongs(id, dialogue)) {
        out.add(id);
      }
    }
    return out.isEmpty() ? null : List.copyOf(out);
  }

  private boolean belongs(String userId, Dialogue dialogue) {
    if (dialogue instanceof RoomDialogue room) {
      return memberships.isMember(room.roomId(), userId);
    }
    DirectDialogue dm = (DirectDialogue) dialogue;
    return dm.a().equals(userId) || dm.b().equals(userId);
  }

  /** Notes and announces the mentions of a message just stored (not of a duplicate). */
  public void delivered(Dialogue dialogue, Stored stored) {
    List<String> mentioned = stored.message().mentions();
    if (mentioned == null) {
      return;
    }
    for (String userId : mentioned) {
      note(userId, dialogue, stored.seq());
      notifier.toUser(
          userId,
          new MentionEvent(
              dialogue.id(),
              stored.message().id(),
              stored.message().sender(),
              stored.seq(),
              stored.message().content()));
    }
  }

  /** How many messages after {@code readSeq} mention the user in the dialogue. */
  public long unread(String userId, Dialogue dialogue, long readSeq) {
    return marks
        .get(key(userId, dialogue))
        .map(m -> m.seqs().stream().filter(s -> s > readSeq).count())
        .orElse(0L);
  }

  private void note(String userId, Dialogue dialogue, long seq) {
    String key = key(userId, dialogue);
    for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      Optional<Buckets.Versioned<MentionMarks>> old = marks.getVersioned(key);
      List<Long> seqs = new ArrayList<>(old.map(v -> v.value().seqs()).orElse(List.of()));
      if (seqs.contains(seq)) {
        return;
      }
      seqs.add(seq);
      seqs.sort(null);
      if (seqs.size() > MAX_NOTED) {
        seqs = seqs.subList(seqs.size() - MAX_NOTED, seqs.size());
      }
      MentionMarks updated = new MentionMarks(seqs);
      boolean written =
          old.isEmpty()
              ? marks.create(key, updated)
              : marks.update(key, updated, old.get().revision());
      if (written) {
        return;
      }
    }
  }

  private static String key(String userId, Dialogue dialogue) {
    // '_' cannot start a user id, so these keys never meet the read markers in the same bucket.
    return "_mentions." + userId + "." + DialogueKeys.key(dialogue);
  }
}
