package io.gaimace.server.receipts;

import io.gaimace.protocol.Dialogue;
import io.gaimace.protocol.DirectDialogue;
import io.gaimace.protocol.ReadReceipt;
import io.gaimace.protocol.RoomDialogue;
import io.gaimace.protocol.Subjects;
import io.gaimace.protocol.api.DialogueList;
import io.gaimace.protocol.api.DialogueSummary;
import io.gaimace.protocol.api.ReadRequest;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.Caller;
import io.gaimace.server.api.Check;
import io.gaimace.server.mentions.MentionService;
import io.gaimace.server.messages.DialogueKeys;
import io.gaimace.server.messages.MessageStore;
import io.gaimace.server.messages.Stored;
import io.gaimace.server.nats.Buckets;
import io.gaimace.server.presence.Notifier;
import io.gaimace.server.rooms.DialogueAccess;
import io.gaimace.server.rooms.DirectLink;
import io.gaimace.server.rooms.Membership;
import io.gaimace.server.rooms.MembershipStore;
import io.gaimace.server.rooms.RoomRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read receipts and unread counts. A {@code read} moves the user's marker forward (never back), is
 * kept in the {@code gaimace-reads} bucket, and is shown to the other members on the dialogue's own
 * subject as the protocol's {@code read} message. Unread counts are the difference of dialogue
 * positions, so they cost one direct get per dialogue, not a scan; unread mentions cost one KV read
 * more ({@link MentionService}).
 */
public final class ReadService {
  private final Buckets<ReadMarker> reads;
  private final MessageStore store;
  private final DialogueAccess access;
  private final MembershipStore memberships;
  private final Buckets<RoomRecord> rooms;
  private final Notifier notifier;
  private final Clock clock;
  private final MentionService mentions;

  public ReadService(
      Buckets<ReadMarker> reads,
      MessageStore store,
      DialogueAccess access,
      MembershipStore memberships,
      Buckets<RoomRecord> rooms,
      Notifier notifier,
      Clock clock,
      MentionService mentions) {
    this.reads = reads;
    this.store = store;
    this.access = access;
    this.memberships = memberships;
    this.rooms = rooms;
    this.notifier = notifier;
    this.clock = clock;
    this.mentions = mentions;
  }

  public ReadReceipt read(Caller caller, ReadRequest req) throws ApiException {
    Dialogue dialogue = Check.dialogue(req.dialogueId(), "dialogue_id");
    if (req.seq() < 1) {
      throw ApiException.invalid("field 'seq' must be a message's sequence (>= 1)");
    }
    access.requireMember(caller.userId(), dialogue);
    Stored at =
        store
            .get(req.seq())
            .filter(s -> s.dialogueId().equals(dialogue.id()))
            .orElseThrow(
                () -> ApiException.notFound("no message " + req.seq() + " in " + dialogue.id()));
    Instant now = clock.instant();
    String key = key(caller.userId(), dialogue);
    Optional<ReadMarker> old = reads.get(key);
    if (old.isPresent() && old.get().seq() >= at.seq()) {
      return new ReadReceipt(dialogue.id(), caller.userId(), old.get().seq(), old.get().at());
    }
    reads.put(key, new ReadMarker(at.seq(), at.pos(), now));
    ReadReceipt receipt = new ReadReceipt(dialogue.id(), caller.userId(), at.seq(), now);
    notifier.publish(Subjects.chat(dialogue), receipt);
    return receipt;
  }

  /** Marks everything in the dialogue read, e.g. for a new member (old messages are not news). */
  public void markAllRead(String userId, Dialogue dialogue) {
    store
        .last(dialogue)
        .ifPresent(
            s ->
                reads.put(
                    key(userId, dialogue), new ReadMarker(s.seq(), s.pos(), clock.instant())));
  }

  /** The sender has read what it sent: its own messages never count as unread. */
  public void markOwn(String userId, Dialogue dialogue, Stored sent) {
    reads.put(key(userId, dialogue), new ReadMarker(sent.seq(), sent.pos(), clock.instant()));
  }

  /**
   * A user changed a message (edit, delete, reaction): if it had read everything before, its own
   * change does not make the dialogue unread. Unlike a send, it does not mark older news read.
   */
  public void markOwnIfCaughtUp(String userId, Dialogue dialogue, Stored change) {
    String key = key(userId, dialogue);
    Optional<ReadMarker> old = reads.get(key);
    if (old.isPresent() && old.get().pos() == change.pos() - 1) {
      reads.put(key, new ReadMarker(change.seq(), change.pos(), clock.instant()));
    }
  }

  /** The caller's rooms and direct dialogues with unread counts. */
  public DialogueList dialogues(Caller caller, Object ignored) {
    String me = caller.userId();
    List<DialogueSummary> out = new ArrayList<>();
    for (Membership m : memberships.membershipsOf(me)) {
      String name = rooms.get(m.roomId()).map(RoomRecord::name).orElse(m.roomId());
      out.add(summary(me, new RoomDialogue(m.roomId()), DialogueSummary.ROOM, name, null));
    }
    for (DirectLink d : memberships.directsOf(me)) {
      out.add(
          summary(
              me,
              DirectDialogue.between(me, d.peer()),
              DialogueSummary.DIRECT,
              d.peer(),
              d.peer()));
    }
    return new DialogueList(out);
  }

  private DialogueSummary summary(String me, Dialogue d, String kind, String name, String peer) {
    Optional<Stored> last = store.last(d);
    Optional<ReadMarker> marker = reads.get(key(me, d));
    long lastSeq = last.map(Stored::seq).orElse(0L);
    long lastPos = last.map(Stored::pos).orElse(0L);
    long readSeq = marker.map(ReadMarker::seq).orElse(0L);
    long readPos = marker.map(ReadMarker::pos).orElse(0L);
    long unread = Math.max(0, lastPos - readPos);
    long unreadMentions = mentions.unread(me, d, readSeq);
    return new DialogueSummary(d.id(), kind, name, peer, lastSeq, readSeq, unread, unreadMentions);
  }

  private static String key(String userId, Dialogue d) {
    return userId + "." + DialogueKeys.key(d);
  }
}
