package io.gaimace.sdk;

import io.gaimace.protocol.Attachment;
import io.gaimace.protocol.ChatMessage;
import io.gaimace.protocol.Presence;
import io.gaimace.protocol.Profile;
import io.gaimace.protocol.ReadReceipt;
import io.gaimace.protocol.api.CreateRoomRequest;
import io.gaimace.protocol.api.DialogueSummary;
import io.gaimace.protocol.api.HistoryPage;
import io.gaimace.protocol.api.Member;
import io.gaimace.protocol.api.RoomInfo;
import io.gaimace.protocol.api.SearchResults;
import io.gaimace.protocol.api.SendAck;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The calls of {@link GaimaceClient}, blocking until done or until the timeout, for scripts and
 * simple agents. Failures are {@link GaimaceException}s ({@code timeout} when time ran out).
 */
public final class BlockingGaimace {
  private final GaimaceClient client;
  private final Duration timeout;

  BlockingGaimace(GaimaceClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  public SendAck send(String dialogueId, String content) {
    return await(client.send(dialogueId, content));
  }

  public SendAck sendDirect(String userId, String content) {
    return await(client.sendDirect(userId, content));
  }

  public HistoryPage history(String dialogueId, Long beforeSeq, int limit) {
    return await(client.history(dialogueId, beforeSeq, limit));
  }

  public SendAck reply(String dialogueId, String replyToId, String content) {
    return await(client.reply(dialogueId, replyToId, content));
  }

  public HistoryPage thread(String dialogueId, String messageId, int limit) {
    return await(client.thread(dialogueId, messageId, limit));
  }

  public ChatMessage edit(String dialogueId, String messageId, String content) {
    return await(client.edit(dialogueId, messageId, content));
  }

  public ChatMessage delete(String dialogueId, String messageId) {
    return await(client.delete(dialogueId, messageId));
  }

  public ChatMessage react(String dialogueId, String messageId, String emoji) {
    return await(client.react(dialogueId, messageId, emoji));
  }

  public ChatMessage unreact(String dialogueId, String messageId, String emoji) {
    return await(client.unreact(dialogueId, messageId, emoji));
  }

  public ReadReceipt markRead(String dialogueId, long seq) {
    return await(client.markRead(dialogueId, seq));
  }

  public List<DialogueSummary> dialogues() {
    return await(client.dialogues());
  }

  public RoomInfo createRoom(CreateRoomRequest request) {
    return await(client.createRoom(request));
  }

  public RoomInfo joinRoom(String roomId) {
    return await(client.joinRoom(roomId));
  }

  public void leaveRoom(String roomId) {
    await(client.leaveRoom(roomId));
  }

  public void invite(String roomId, String userId) {
    await(client.invite(roomId, userId));
  }

  public void setRole(String roomId, String userId, String role) {
    await(client.setRole(roomId, userId, role));
  }

  public void mute(String roomId, String userId, java.time.Instant until) {
    await(client.mute(roomId, userId, until));
  }

  public void unmute(String roomId, String userId) {
    await(client.unmute(roomId, userId));
  }

  public void ban(String roomId, String userId) {
    await(client.ban(roomId, userId));
  }

  public void unban(String roomId, String userId) {
    await(client.unban(roomId, userId));
  }

  public SearchResults search(String query, String dialogueId, int limit, Long beforeSeq) {
    return await(client.search(query, dialogueId, limit, beforeSeq));
  }

  public List<RoomInfo> rooms() {
    return await(client.rooms());
  }

  public List<Member> members(String roomId) {
    return await(client.members(roomId));
  }

  public List<Presence> presence(List<String> userIds) {
    return await(client.presence(userIds));
  }

  public Profile profile(String userId) {
    return await(client.profile(userId));
  }

  public List<Profile> directory(String query) {
    return await(client.directory(query));
  }

  public Attachment upload(String dialogueId, java.nio.file.Path file) {
    return await(client.upload(dialogueId, file));
  }

  public SendAck sendFile(String dialogueId, java.nio.file.Path file, String caption) {
    return await(client.sendFile(dialogueId, file, caption));
  }

  public java.nio.file.Path download(Attachment attachment, java.nio.file.Path target) {
    return await(client.download(attachment, target));
  }

  private <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new GaimaceException(GaimaceException.TIMEOUT, "no result within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GaimaceException(GaimaceException.CLOSED, "interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GaimaceException g) {
        throw g;
      }
      throw new GaimaceException("error", String.valueOf(e.getCause()), e.getCause());
    }
  }
}
