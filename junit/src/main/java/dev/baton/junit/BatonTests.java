package dev.baton.junit;

import dev.baton.Baton;
import dev.baton.Clock;
import dev.baton.Coroutine;
import dev.baton.DeadlockException;
import dev.baton.Schedule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Runs Baton scenarios in tests: {@code BatonTests.run(this::scenario)} runs the coroutine on a
 * fresh loop with a {@linkplain Clock#virtual() virtual clock} (an hour of sleeps takes no real
 * time) and returns its value, or throws what it threw.
 *
 * <p>In a {@link BatonTest @BatonTest} test, the annotation's settings apply: a timeout in virtual
 * time, and schedule fuzzing, which calls the supplier once per seed (a coroutine runs only once,
 * so each run needs a fresh one: keep a run's state in the scenario, not in fields a previous run
 * has changed). A failure under a seed is an {@link AssertionFailedError} that names the seed and
 * how to replay it, with the scenario's failure as its cause. Anywhere else the defaults apply: no
 * timeout, FIFO, unless the system property {@code baton.seed} names seeds.
 */
public final class BatonTests {
  private static final ThreadLocal<Run> CURRENT = new ThreadLocal<>();

  private BatonTests() {}

  /**
   * Runs the scenario {@code scenario} makes, under the test's settings; returns its value (from the
   * last seed's run when fuzzing).
   */
  public static <T> T run(Supplier<? extends Coroutine<T>> scenario) {
    Objects.requireNonNull(scenario, "scenario == null");
    Run run = CURRENT.get();
    Settings settings = run != null ? run.settings
        : Settings.DEFAULT.withProperty(Optional.ofNullable(System.getProperty(Settings.SEED_PROPERTY)));
    if (run != null) {
      run.scenarios++;
    }
    List<Long> seeds = settings.seeds();
    if (seeds.isEmpty()) {
      return runOnce(scenario.get(), settings, Schedule.fifo(), "");
    }
    T value = null;
    for (int i = 0; i < seeds.size(); i++) {
      long seed = seeds.get(i);
      String where = " under schedule seed " + seed + " (run " + (i + 1) + " of " + seeds.size() + ", from " + settings.source() + ")";
      Coroutine<T> coroutine = scenario.get();
      try {
        value = runOnce(coroutine, settings, Schedule.shuffled(seed), where);
      } catch (Throwable t) {
        String message = "The scenario failed" + where + ": " + t
            + "\nReplay exactly this run with @BatonTest(seed = " + seed + ") or -D" + Settings.SEED_PROPERTY + "=" + seed;
        System.err.println("baton-junit: " + message);
        throw new AssertionFailedError(message, t);
      }
    }
    return value;
  }

  /**
   * Runs {@code scenario} once, under the test's timeout; for a scenario that cannot be made twice.
   * Schedule fuzzing needs a supplier, {@link #run(Supplier)}: with more than one seed this throws
   * {@link IllegalStateException}.
   */
  public static <T> T run(Coroutine<T> scenario) {
    Objects.requireNonNull(scenario, "scenario == null");
    boolean[] made = {false};
    return run(() -> {
      if (made[0]) {
        throw new IllegalStateException("Schedule fuzzing runs the scenario once per seed, and a coroutine runs only "
            + "once: pass a supplier that makes a fresh one, BatonTests.run(() -> scenario(...))");
      }
      made[0] = true;
      return scenario;
    });
  }

  private static <T> T runOnce(Coroutine<T> scenario, Settings settings, Schedule schedule, String where) {
    Objects.requireNonNull(scenario, "the scenario supplier returned null");
    try {
      if (settings.timeout() == 0) {
        return Baton.run(scenario, Clock.virtual(), schedule);
      }
      Watchdog.Outcome out = new Watchdog.Outcome();
      Baton.run(AsyncWatchdog.underTimeout(scenario, settings.timeout(), out), Clock.virtual(), schedule);
      if (out.timedOut) {
        String message = "The scenario did not finish within " + settings.timeout() + " s of virtual time"
            + where + " (@BatonTest(timeout = " + settings.timeout() + ")); it was cancelled"
            + (out.dump == null ? "" : ". The tasks at the deadline:\n" + out.dump);
        AssertionFailedError e = new AssertionFailedError(message);
        if (out.error != null && !(out.error instanceof dev.baton.Cancelled)) {
          e.addSuppressed(out.error); // what the scenario threw while it was being cancelled
        }
        throw e;
      }
      if (out.error != null) {
        throw sneaky(out.error);
      }
      @SuppressWarnings("unchecked")
      T value = (T) out.value;
      return value;
    } catch (DeadlockException e) {
      System.err.println("baton-junit: the scenario deadlocked" + where + ":\n" + TaskDumps.ofDeadlock(e));
      throw e;
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }

  // ---------------------------------------------------------------------------------------------
  // The extension's side

  /** The settings of the test running on this thread, and how many scenarios it ran. */
  static final class Run {
    final Settings settings;
    int scenarios;

    Run(Settings settings) {
      this.settings = settings;
    }
  }

  static Run begin(Settings settings) {
    Run run = new Run(settings);
    CURRENT.set(run);
    return run;
  }

  static void end() {
    CURRENT.remove();
  }
}
