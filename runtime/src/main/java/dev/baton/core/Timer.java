package dev.baton.core;

/**
 * Internal, not API: something the loop must act on at a deadline. A timer is an operation, so
 * that a sleep is one object (the operation its task parks on, armed in the timer queue); a cancel
 * scope's deadline is a timer no task awaits.
 */
public abstract class Timer extends Operation {
  /** The deadline on the loop clock, in seconds, while armed. */
  double deadline = Double.POSITIVE_INFINITY;
  /** Tie-breaker: timers with equal deadlines fire in the order they were armed (compared with wrap-around). */
  int seq;
  /** Position in the queue, or -1 when not armed. */
  int index = -1;

  protected Timer() {}

  /** The deadline this timer was last armed with. */
  public final double deadline() {
    return deadline;
  }

  /** Whether the timer is armed (waiting for its deadline). */
  public final boolean armed() {
    return index >= 0;
  }

  /** The deadline has passed; the timer is no longer armed. */
  protected abstract void fire(Loop loop);
}
