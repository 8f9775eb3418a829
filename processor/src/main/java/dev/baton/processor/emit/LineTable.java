package dev.baton.processor.emit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's line of every line of a generated file, read back from the markers the emitter writes:
 * {@code // Foo.java:42} (the code that follows comes from line 42), {@code // Foo.java:42-45}
 * (verbatim code follows, one generated line per user line), and a frame's javadoc
 * {@code (Foo.java:40)} (its declarations come from the method's line). The table is what the
 * class files' line numbers are rewritten with ({@link ClassFiles}), so that stack traces and
 * debuggers show the user's file and lines.
 */
public final class LineTable {
  private final String fileName;
  private final int[] lines;

  private LineTable(String fileName, int[] lines) {
    this.fileName = fileName;
    this.lines = lines;
  }

  /** The user's source file name ({@code Foo.java}). */
  public String fileName() {
    return fileName;
  }

  /** The user's line of generated line {@code generated} (1-based), or 0. */
  public int userLine(int generated) {
    return generated > 0 && generated < lines.length ? lines[generated] : 0;
  }

  public static LineTable of(String source, String fileName, int firstLine) {
    String quoted = Pattern.quote(fileName);
    Pattern marker = Pattern.compile("//\\s*" + quoted + ":(\\d+)(?:-(\\d+))?\\s*$");
    Pattern javadoc = Pattern.compile("\\(" + quoted + ":(\\d+)\\)");
    String[] text = source.split("\n", -1);
    int[] out = new int[text.length + 1];
    int current = firstLine;
    int next = -1;
    int last = -1;
    for (int i = 0; i < text.length; i++) {
      String line = text[i];
      String trimmed = line.trim();
      Matcher m = marker.matcher(line);
      Matcher d = javadoc.matcher(line);
      if (m.find()) {
        current = Integer.parseInt(m.group(1));
        boolean range = m.group(2) != null;
        next = range ? current : -1;
        last = range ? Integer.parseInt(m.group(2)) : -1;
        out[i + 1] = current;
      } else if (d.find() && (trimmed.startsWith("*") || trimmed.startsWith("//"))) {
        current = Integer.parseInt(d.group(1));
        next = -1;
        out[i + 1] = current;
      } else if (next >= 0) {
        out[i + 1] = next;
        if (!isWrapper(trimmed) && next < last) {
          next++;
        }
      } else {
        out[i + 1] = current;
      }
    }
    return new LineTable(fileName, out);
  }

  /** Lines the lowering wraps verbatim code in: they belong to no user line of their own. */
  private static boolean isWrapper(String trimmed) {
    return trimmed.equals("{") || trimmed.equals("}") || trimmed.equals("if (true) {")
        || trimmed.startsWith("final ") && trimmed.matches("final .* (\\S+) = this\\.\\1;");
  }
}
