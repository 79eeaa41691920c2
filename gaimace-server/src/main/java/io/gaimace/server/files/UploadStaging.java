package io.gaimace.server.files;

import io.gaimace.protocol.ProtocolCodec;
import io.gaimace.server.api.ApiException;
import io.gaimace.server.api.ErrorCode;
import io.gaimace.server.nats.Buckets.Versioned;
import io.gaimace.server.nats.StoreException;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.PurgeOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamInfoOptions;
import java.io.IOException;
import java.util.Optional;

/**
 * Uploads in progress in the stream {@value FileStores#STAGING}: per upload a session message on
 * {@code upload.<user>.<id>.m} and one message per chunk on {@code upload.<user>.<id>.c.<index>}
 * (one message per subject, so a rewritten chunk replaces the old one). The user id in the subject
 * scopes every lookup to the caller. Nothing here is visible to anyone; the stream's max age drops
 * abandoned uploads by itself.
 */
final class UploadStaging {
  private static final int NO_MESSAGE_FOUND = 10037;
  private static final int WRONG_LAST_SEQUENCE = 10071;
  private static final int STORE_FULL = 10077;

  private final JetStream js;
  private final JetStreamManagement jsm;

  UploadStaging(Connection chat) throws IOException {
    this.js = chat.jetStream();
    this.jsm = chat.jetStreamManagement();
  }

  Optional<Versioned<UploadSession>> session(String user, String uploadId) {
    MessageInfo m = last(base(user, uploadId) + ".m");
    if (m == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Versioned<>(
              ProtocolCodec.mapper().readValue(m.getData(), UploadSession.class), m.getSeq()));
    } catch (IOException e) {
      throw new StoreException("staged upload session is unreadable", e);
    }
  }

  /** Writes the session if it is still at {@code revision} (0: new); false if someone wrote. */
  boolean writeSession(UploadSession s, long revision) throws ApiException {
    try {
      byte[] data = ProtocolCodec.mapper().writeValueAsBytes(s);
      js.publish(
          base(s.uploader(), s.uploadId()) + ".m",
          data,
          PublishOptions.builder().expectedLastSubjectSequence(revision).build());
      return true;
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == WRONG_LAST_SEQUENCE) {
        return false;
      }
      throw refusal(e);
    } catch (IOException e) {
      throw new StoreException("cannot write upload session", e);
    }
  }

  void putChunk(String user, String uploadId, int index, byte[] data) throws ApiException {
    try {
      js.publish(base(user, uploadId) + ".c." + index, data);
    } catch (JetStreamApiException e) {
      throw refusal(e);
    } catch (IOException e) {
      throw new StoreException("cannot stage chunk", e);
    }
  }

  /** The staged chunk, or null when it is gone (expired). */
  byte[] chunk(String user, String uploadId, int index) {
    MessageInfo m = last(base(user, uploadId) + ".c." + index);
    return m == null ? null : m.getData();
  }

  /** How many uploads the user has open. */
  int openUploads(String user) {
    try {
      var state =
          jsm.getStreamInfo(
                  FileStores.STAGING, StreamInfoOptions.filterSubjects("upload." + user + ".*.m"))
              .getStreamState();
      return state.getSubjects() == null ? 0 : state.getSubjects().size();
    } catch (IOException | JetStreamApiException e) {
      throw new StoreException("cannot count uploads", e);
    }
  }

  /** Drops the upload's session and chunks at once. */
  void drop(String user, String uploadId) {
    try {
      jsm.purgeStream(FileStores.STAGING, PurgeOptions.subject(base(user, uploadId) + ".>"));
    } catch (IOException | JetStreamApiException e) {
      throw new StoreException("cannot drop upload " + uploadId, e);
    }
  }

  private MessageInfo last(String subject) {
    try {
      return jsm.getLastMessage(FileStores.STAGING, subject);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == NO_MESSAGE_FOUND) {
        return null;
      }
      throw new StoreException("cannot read " + subject, e);
    } catch (IOException e) {
      throw new StoreException("cannot read " + subject, e);
    }
  }

  /** A full staging area is the caller's problem to retry later; anything else is ours. */
  private static ApiException refusal(JetStreamApiException e) {
    if (e.getApiErrorCode() != STORE_FULL) {
      throw new StoreException("cannot stage upload", e);
    }
    return new ApiException(
        ErrorCode.TOO_LARGE, "the server's space for uploads is full; try again later");
  }

  private static String base(String user, String uploadId) {
    return "upload." + user + "." + uploadId;
  }
}
