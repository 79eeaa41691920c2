package io.gaimace.server.mentions;

import java.util.List;

/** Stream sequences of the newest messages that mentioned a user in one dialogue, ascending. */
public record MentionMarks(List<Long> seqs) {
  public MentionMarks {
    seqs = seqs == null ? List.of() : List.copyOf(seqs);
  }
}
