package dev.baton.example.net;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a byte stream into UTF-8 lines (without their {@code \n} or {@code \r\n}), whatever the
 * chunks: a line, or a multi-byte character, may be split across chunks.
 */
final class LineSplitter {
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

  /** The lines that {@code chunk} completes. */
  List<String> feed(byte[] chunk) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < chunk.length; i++) {
      if (chunk[i] == '\n') {
        partial.write(chunk, start, i - start);
        lines.add(take());
        start = i + 1;
      }
    }
    partial.write(chunk, start, chunk.length - start);
    return lines;
  }

  /** What is left after the last newline (at the end of the stream). */
  String rest() {
    return take();
  }

  private String take() {
    String line = partial.toString(StandardCharsets.UTF_8);
    partial.reset();
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
