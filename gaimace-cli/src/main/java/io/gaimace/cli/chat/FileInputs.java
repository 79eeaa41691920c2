package io.gaimace.cli.chat;

import io.gaimace.cli.chat.ChatInput.Download;
import io.gaimace.cli.chat.ChatInput.Invalid;
import io.gaimace.cli.chat.ChatInput.Upload;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the file commands' arguments: {@code /upload PATH [CAPTION]} and {@code /download N
 * [PATH]}. A path with spaces is written in double quotes; {@code ~/} means the home directory.
 */
final class FileInputs {
  static final String UPLOAD_USAGE = "/upload PATH [CAPTION]";
  static final String DOWNLOAD_USAGE = "/download N [PATH]";

  private FileInputs() {}

  static ChatInput upload(String args) {
    List<String> words = split(args, 2);
    if (words == null) {
      return new Invalid("unclosed quote; usage: " + UPLOAD_USAGE);
    }
    if (words.isEmpty()) {
      return new Invalid("usage: " + UPLOAD_USAGE);
    }
    String caption = words.size() > 1 ? words.get(1).strip() : null;
    return new Upload(home(words.get(0)), caption == null || caption.isEmpty() ? null : caption);
  }

  static ChatInput download(String args) {
    List<String> words = split(args, 2);
    if (words == null) {
      return new Invalid("unclosed quote; usage: " + DOWNLOAD_USAGE);
    }
    if (words.isEmpty()) {
      return new Invalid("usage: " + DOWNLOAD_USAGE);
    }
    String n = words.get(0).replaceAll("^\\[|]$", "");
    int number;
    try {
      number = Integer.parseInt(n);
    } catch (NumberFormatException e) {
      return new Invalid(
          "'"
              + LineFormatter.clean(words.get(0))
              + "' is not a file number; usage: "
              + DOWNLOAD_USAGE);
    }
    if (number < 1) {
      return new Invalid("file numbers start at 1; /files lists them");
    }
    return new Download(number, words.size() > 1 ? home(unquote(words.get(1).strip())) : null);
  }

  /**
   * Splits off up to {@code limit - 1} leading words (quoted or not); the last element is the rest
   * of the line as typed. Null when a quote is not closed.
   */
  private static List<String> split(String args, int limit) {
    List<String> out = new ArrayList<>();
    String s = args == null ? "" : args.strip();
    while (!s.isEmpty() && out.size() < limit - 1) {
      int end;
      String word;
      if (s.charAt(0) == '"') {
        end = s.indexOf('"', 1);
        if (end < 0) {
          return null;
        }
        word = s.substring(1, end);
        end++;
      } else {
        end = s.indexOf(' ');
        end = end < 0 ? s.length() : end;
        word = s.substring(0, end);
      }
      out.add(word);
      s = s.substring(end).strip();
    }
    if (!s.isEmpty()) {
      out.add(s);
    }
    return out;
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }

  private static String home(String path) {
    return path.equals("~") || path.startsWith("~/")
        ? System.getProperty("user.home") + path.substring(1)
        : path;
  }
}
