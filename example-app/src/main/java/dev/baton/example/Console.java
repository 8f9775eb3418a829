package dev.baton.example;

import static dev.baton.Baton.currentTime;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where the demos print: a stream, and timestamps in the anyio tutorial's format
 * ({@code 2021-11-29 17:56:17.800793:: ...}) read from the loop clock, so a run on a virtual clock
 * prints virtual times.
 */
public final class Console {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private final PrintStream out;
  private final LocalDateTime origin;
  private double originLoopTime = Double.NaN;

  public Console(PrintStream out, LocalDateTime origin) {
    this.out = out;
    this.origin = origin;
  }

  /** Prints {@code <timestamp>:: message}; the first call inside a loop anchors the clock. */
  public void log(String message) {
    out.println(FORMAT.format(now()) + ":: " + message);
  }

  /** Prints a line as is. */
  public void println(Object line) {
    out.println(line);
  }

  private LocalDateTime now() {
    double t = currentTime();
    if (Double.isNaN(originLoopTime)) {
      originLoopTime = t;
    }
    return origin.plusNanos(Math.round((t - originLoopTime) * 1e9));
  }
}
