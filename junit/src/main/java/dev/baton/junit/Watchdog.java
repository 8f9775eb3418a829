package dev.baton.junit;

import static dev.baton.Baton.*;

import dev.baton.Coroutine;
import dev.baton.TaskGroup;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;

/** A scenario under a timeout in virtual time: the scenario in the main task, a watchdog beside it. */
final class Watchdog {
  private Watchdog() {}

  /** What happened to a scenario run under a timeout. */
  static final class Outcome {
    Object value;
    Throwable error;
    boolean timedOut;
    String dump;
  }

  /**
   * Runs {@code scenario}, and cancels it if it has not finished {@code timeout} seconds from now.
   * Its value or failure lands in {@code out} rather than leaving the task group, which would wrap
   * a failure in an {@code ExceptionGroup}.
   */
  @Async
  @SuppressWarnings("baton:cancellation") // the watchdog's Cancelled ends the scenario, and out says why
  static Coroutine<Void> underTimeout(Coroutine<?> scenario, double timeout, Outcome out) {
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(watch(timeout, tg, out), "baton-junit timeout watchdog");
      try {
        out.value = await(scenario);
      } catch (Throwable t) {
        out.error = t;
      }
      tg.cancelScope().cancel();
    }
    return done();
  }

  @Async
  static Coroutine<Void> watch(double timeout, TaskGroup tg, Outcome out) {
    await(sleep(timeout));
    out.timedOut = true;
    out.dump = TaskDumps.now();
    tg.cancelScope().cancel();
    return done();
  }
}
