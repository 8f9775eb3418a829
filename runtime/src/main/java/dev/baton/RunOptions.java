package dev.baton;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link Baton#run(Coroutine, RunOptions)} runs a loop: its clock and debug mode. Immutable;
 * each {@code with...} returns a copy.
 *
 * <pre>{@code
 * Baton.run(main(), RunOptions.defaults().withDebug(true));   // reports steps over 100 ms to System.err
 * }</pre>
 *
 * <p><b>Debug mode</b> (asyncio's): every step of every task is timed, and a step that holds the
 * loop for at least {@link #slowStepThreshold()} (100 ms by default) is reported with the task's
 * name and the user's lines it ran between, the await it resumed at and the one it stopped at. A
 * blocking call in an {@code @Async} body ({@code Thread.sleep}, a JDBC query) stalls every task;
 * this finds it. Off by default, where it costs one branch per step; {@code -Dbaton.debug=true}
 * turns it on for every loop whose options do not say otherwise.
 */
public final class RunOptions {
  /** The default slow-step threshold, as asyncio's. */
  public static final Duration DEFAULT_SLOW_STEP_THRESHOLD = Duration.ofMillis(100);

  private static final RunOptions DEFAULTS = new RunOptions(Clock.system(), Boolean.getBoolean("baton.debug"),
      DEFAULT_SLOW_STEP_THRESHOLD, null);

  private final Clock clock;
  private final boolean debug;
  private final Duration slowStepThreshold;
  /** Null: System.err. */
  private final Consumer<String> slowStepReporter;

  private RunOptions(Clock clock, boolean debug, Duration slowStepThreshold, Consumer<String> slowStepReporter) {
    this.clock = clock;
    this.debug = debug;
    this.slowStepThreshold = slowStepThreshold;
    this.slowStepReporter = slowStepReporter;
  }

  /** The system clock; debug mode off, unless the system property {@code baton.debug} is {@code true}. */
  public static RunOptions defaults() {
    return DEFAULTS;
  }

  /** These options with {@code clock} ({@link Clock#virtual()} makes time exact and instant). */
  public RunOptions withClock(Clock clock) {
    return new RunOptions(Objects.requireNonNull(clock, "clock == null"), debug, slowStepThreshold, slowStepReporter);
  }

  /** These options with debug mode on or off. */
  public RunOptions withDebug(boolean debug) {
    return new RunOptions(clock, debug, slowStepThreshold, slowStepReporter);
  }

  /** These options with debug mode on, reporting steps that take {@code threshold} or longer. */
  public RunOptions withSlowStepThreshold(Duration threshold) {
    Objects.requireNonNull(threshold, "threshold == null");
    if (threshold.isNegative()) {
      throw new IllegalArgumentException("the slow-step threshold must not be negative: " + threshold);
    }
    return new RunOptions(clock, true, threshold, slowStepReporter);
  }

  /** These options with slow steps reported to {@code reporter} (one line each) instead of {@code System.err}. */
  public RunOptions withSlowStepReporter(Consumer<String> reporter) {
    return new RunOptions(clock, debug, slowStepThreshold, Objects.requireNonNull(reporter, "reporter == null"));
  }

  public Clock clock() {
    return clock;
  }

  public boolean debug() {
    return debug;
  }

  public Duration slowStepThreshold() {
    return slowStepThreshold;
  }

  /** The loop's step watch: null unless in debug mode. */
  dev.baton.core.StepWatch stepWatch() {
    if (!debug) {
      return null;
    }
    Consumer<String> sink = slowStepReporter != null ? slowStepReporter : System.err::println;
    return new dev.baton.core.StepWatch(slowStepThreshold.toNanos(), sink);
  }

  @Override
  public String toString() {
    return "RunOptions[clock=" + clock + ", debug=" + debug + (debug ? ", slowStepThreshold=" + slowStepThreshold : "") + "]";
  }
}
