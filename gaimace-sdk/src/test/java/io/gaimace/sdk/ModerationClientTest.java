package io.gaimace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.DialogueSummary;
import io.gaimace.protocol.api.Member;
import io.gaimace.protocol.api.MentionEvent;
import io.gaimace.protocol.api.SearchResults;
import io.gaimace.server.GaimaceFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mentions, roles, mutes and search through the SDK, against real NATS and a Gaimace server. */
@org.junit.jupiter.api.Timeout(90)
class ModerationClientTest {
  static final Duration WAIT = Duration.ofSeconds(5);
  static GaimaceFixture env;

  @BeforeAll
  static void start() throws Exception {
    env = GaimaceFixture.start();
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  static GaimaceClient connect(String userId) throws Exception {
    return Gaimace.connect(
        ClientOptions.builder(env.user(userId)).server(env.nats().clientUrl()).build());
  }

  @Test
  void mentionsRolesMutesAndSearch() throws Exception {
    try (GaimaceClient ann = connect("ann");
        GaimaceClient bob = connect("bob");
        GaimaceClient cat = connect("cat")) {
      BlockingQueue<MentionEvent> bobMentions = new LinkedBlockingQueue<>();
      bob.addListener(
          new GaimaceListener() {
            @Override
            public void onMention(MentionEvent mention) {
              bobMentions.add(mention);
            }
          });
      ann.blocking(WAIT)
          .createRoom(new CreateRoomRequest("plaza", null, null, "private", List.of("bob", "cat")));

      long seq = ann.blocking(WAIT).send("plaza", "@bob the Report is ready").seq();
      MentionEvent mention = bobMentions.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(mention).isNotNull();
      assertThat(mention.dialogueId()).isEqualTo("plaza");
      assertThat(mention.by()).isEqualTo("ann");
      assertThat(mention.seq()).isEqualTo(seq);
      assertThat(summary(bob, "plaza").unreadMentions()).isEqualTo(1);
      bob.blocking(WAIT).markRead("plaza", mention.seq());
      assertThat(summary(bob, "plaza").unreadMentions()).isZero();

      ann.blocking(WAIT).setRole("plaza", "bob", Member.MODERATOR);
      assertThat(ann.blocking(WAIT).members("plaza"))
          .filteredOn(m -> m.userId().equals("bob"))
          .extracting(Member::role)
          .containsExactly(Member.MODERATOR);
      bob.blocking(WAIT).mute("plaza", "cat", null);
      assertThatThrownBy(() -> cat.blocking(WAIT).send("plaza", "hello?"))
          .isInstanceOfSatisfying(
              GaimaceException.class, e -> assertThat(e.code()).isEqualTo("muted"));
      assertThatThrownBy(() -> cat.blocking(WAIT).mute("plaza", "bob", null))
          .isInstanceOfSatisfying(
              GaimaceException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
      bob.blocking(WAIT).unmute("plaza", "cat");
      cat.blocking(WAIT).send("plaza", "thanks");

      SearchResults found = cat.blocking(WAIT).search("report", null, 10, null);
      assertThat(found.messages())
          .extracting(ChatMessage::content)
          .containsExactly("@bob the Report is ready");
      assertThat(found.messages().get(0).mentions()).containsExactly("bob");
    }
  }

  private static DialogueSummary summary(GaimaceClient c, String dialogueId) {
    return c.blocking(WAIT).dialogues().stream()
        .filter(d -> d.dialogueId().equals(dialogueId))
        .findFirst()
        .orElseThrow();
  }
}
