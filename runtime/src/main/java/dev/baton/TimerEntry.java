package dev.baton;

/** Something the loop must act on at a deadline: a sleeping task, or a cancel scope's deadline. */
abstract class TimerEntry {
  double deadline = Double.POSITIVE_INFINITY;
  /** Tie-breaker: entries with equal deadlines fire in the order they were armed. */
  long seq;
  /** Position in the heap, or -1 when not armed. */
  int heapIndex = -1;

  /** The deadline has passed. */
  abstract void fire(Runner runner);
}
