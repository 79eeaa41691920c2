package io.gaimace.protocol.api;

import java.util.List;

/** The members of a room. */
public record MemberList(String roomId, List<Member> members) {
  public MemberList {
    members = List.copyOf(members);
  }
}
