package dev.baton.example;

import dev.baton.Clock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

/** Runs a demo on a virtual clock from a fixed origin and keeps its output lines and result. */
record DemoOutput(List<String> lines, Object result) {
  static final LocalDateTime ORIGIN = LocalDateTime.of(2021, 11, 29, 17, 56, 17, 800_793_000);

  static DemoOutput run(String name, long seed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Object result = Main.run(name, out, Clock.virtual(), new Random(seed), ORIGIN);
    return new DemoOutput(List.of(bytes.toString(StandardCharsets.UTF_8).split("\n")), result);
  }

  /** The line's timestamp as seconds after {@link #ORIGIN}. */
  static double secondsOf(String line) {
    LocalDateTime t = LocalDateTime.parse(line.substring(0, line.indexOf("::")).replace(' ', 'T'));
    return java.time.Duration.between(ORIGIN, t).toNanos() / 1e9;
  }

  /** The line without its timestamp. */
  static String textOf(String line) {
    return line.substring(line.indexOf("::") + 3);
  }
}
