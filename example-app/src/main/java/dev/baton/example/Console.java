package dev.baton.example;

import static dev.baton.Baton.currentTime;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where the demos print: a stream, and timestamps in the anyio tutorial's format
 * ({@code 2021-11-29 17:56:17.800793:: ...}) read from the loop clock, so a run on a virtual clock
 * prints virtual times: a line logged at loop time {@code t} shows {@code origin + (t - originTime)}.
 */
public final class Console {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private final PrintStream out;
  private final LocalDateTime origin;
  private final double originTime;

  /** {@code originTime} is the loop clock's reading ({@code Clock.now()}) at the wall time {@code origin}. */
  public Console(PrintStream out, LocalDateTime origin, double originTime) {
    this.out = out;
    this.origin = origin;
    this.originTime = originTime;
  }

  /** Prints {@code <timestamp>:: message}. */
  public void log(String message) {
    out.println(FORMAT.format(now()) + ":: " + message);
  }

  /** Prints a line as is. */
  public void println(Object line) {
    out.println(line);
  }

  private LocalDateTime now() {
    return origin.plusNanos(Math.round((currentTime() - originTime) * 1e9));
  }
}
