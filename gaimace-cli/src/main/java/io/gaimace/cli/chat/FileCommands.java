package io.gaimace.cli.chat;

import io.gaimace.cli.chat.ChatInput.Download;
import io.gaimace.cli.chat.ChatInput.Upload;
import io.gaimace.protocol.Attachment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.utils.AttributedString;

/**
 * {@code /upload}, {@code /download} and {@code /files}. Transfers run in the background on the
 * SDK's file threads; their outcome is printed on the chat thread when they end, so chatting goes
 * on meanwhile. Chat thread only.
 */
final class FileCommands {
  private final ChatContext chat;
  private final Conversation conversation;

  FileCommands(ChatContext chat, Conversation conversation) {
    this.chat = chat;
    this.conversation = conversation;
  }

  /** Uploads a file into the open dialogue and sends it as a message. */
  void upload(Upload upload, String dialogue) {
    Path file = Path.of(upload.path());
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new ChatThread.Mistake("no readable file at " + upload.path());
    }
    String name = String.valueOf(file.getFileName());
    long size = size(file);
    print(chat.format().system("uploading " + name + " (" + ShownFiles.size(size) + ")…"));
    chat.client()
        .sendFile(
            dialogue, file, upload.caption() == null ? null : Shortcodes.expand(upload.caption()))
        .whenCompleteAsync(
            (ack, e) -> {
              if (e != null) {
                chat.thread().failed(e);
              }
            },
            chat.thread());
  }

  /** Downloads attachment number N to a path (default: its name in the current directory). */
  void download(Download download) {
    Attachment a =
        conversation
            .files()
            .get(download.number())
            .orElseThrow(
                () ->
                    new ChatThread.Mistake(
                        "no file [" + download.number() + "]: /files lists the files shown"));
    Path target = target(a, download.path());
    if (Files.exists(target)) {
      throw new ChatThread.Mistake(
          target + " exists; give another path: /download " + download.number() + " PATH");
    }
    print(chat.format().system("downloading " + LineFormatter.clean(a.name()) + "…"));
    chat.client()
        .download(a, target)
        .whenCompleteAsync(
            (path, e) -> {
              if (e != null) {
                chat.thread().failed(e);
              } else {
                print(chat.format().good("saved " + LineFormatter.clean(a.name()) + " to " + path));
              }
            },
            chat.thread());
  }

  /** Lists the files shown so far with their numbers. */
  void list() {
    List<Attachment> all = conversation.files().all();
    if (all.isEmpty()) {
      print(chat.format().system("no files shown yet; /upload PATH shares one"));
      return;
    }
    for (int i = 0; i < all.size(); i++) {
      print(chat.format().system(ShownFiles.line(i + 1, all.get(i))));
    }
  }

  /**
   * Where to save: the given path (inside it when it is a directory), else the current directory.
   * Only the last element of a name from the network is used, so it cannot climb out of the
   * directory.
   */
  static Path target(Attachment a, String path) {
    Path fileName = Path.of(a.name().replace('\\', '/')).getFileName();
    String safe =
        fileName == null || fileName.toString().equals("..") || fileName.toString().equals(".")
            ? "download-" + a.id()
            : LineFormatter.clean(fileName.toString()).replace("\uFFFD", "_");
    if (path == null) {
      return Path.of(safe);
    }
    Path p = Path.of(path);
    return Files.isDirectory(p) ? p.resolve(safe) : p;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new ChatThread.Mistake("cannot read " + file + ": " + e.getMessage());
    }
  }

  private void print(AttributedString line) {
    chat.view().print(line);
  }
}
