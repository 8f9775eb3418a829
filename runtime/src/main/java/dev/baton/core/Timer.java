package dev.baton.core;

/** Internal, not API: something the loop must act on at a deadline (a sleeping task, a cancel scope's deadline). */
public abstract class Timer {
  /** The deadline on the loop clock, in seconds. */
  double deadline = Double.POSITIVE_INFINITY;
  /** Tie-breaker: timers with equal deadlines fire in the order they were armed. */
  long seq;
  /** Position in the queue, or -1 when not armed. */
  int index = -1;

  protected Timer() {}

  /** The deadline this timer was last armed with. */
  public final double deadline() {
    return deadline;
  }

  /** The deadline has passed; the timer is no longer armed. */
  protected abstract void fire(Loop loop);
}
