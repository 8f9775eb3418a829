package dev.baton.example;

import dev.baton.Clock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/** Runs a demo on a virtual clock from a fixed origin and keeps its output lines and result. */
record DemoOutput(List<String> lines, Object result) {
  /** The first timestamp of the anyio tutorial's output. */
  static final LocalDateTime ORIGIN = LocalDateTime.of(2021, 11, 29, 17, 56, 17, 800_793_000);

  static DemoOutput run(String name, long seed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Object result = Main.run(name, out, Clock.virtual(), new Random(seed), ORIGIN);
    return new DemoOutput(lines(bytes), result);
  }

  static List<String> lines(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /** The line a demo prints at {@code seconds} after the start: {@code 2021-11-29 17:56:17.800793:: text}. */
  static String at(double seconds, String text) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").format(ORIGIN.plusNanos(Math.round(seconds * 1e9)))
        + ":: " + text;
  }
}
