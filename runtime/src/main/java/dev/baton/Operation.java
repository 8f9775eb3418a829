package dev.baton;

/**
 * An awaitable implemented by the loop itself (sleep, checkpoint, stream operations, task-group
 * exit, ...). Awaiting one calls {@link #begin}, which either produces the value at once or parks
 * the task; a parked task is woken by {@link Runner#reschedule}, or by cancellation through
 * {@link #abort}.
 *
 * <p>Trio's rule holds for every subclass: an operation is either always or never a checkpoint.
 */
abstract class Operation<T> implements Awaitable<T> {
  /** Returned by {@link #begin} when the task was parked. */
  static final Object PARKED = new Object() {
    @Override
    public String toString() {
      return "PARKED";
    }
  };

  /**
   * Starts the operation on behalf of {@code task} (the running task). Returns the operation's value
   * to continue at once, or {@link #PARKED} after calling {@link Runner#park}. May throw: the
   * exception is delivered at the await.
   */
  abstract Object begin(Task task, Runner runner);

  /**
   * The task, parked on this operation, has become effectively cancelled. Undo the wait (leave every
   * queue) and return true to have the task rescheduled with {@link Cancelled}; return false to keep
   * it parked (the cancellation is then seen at its next checkpoint). Called at most once per wait
   * (trio): after a refusal, further cancellations leave the task alone, and the operation must
   * eventually reschedule it itself.
   */
  boolean abort(Task task, Runner runner) {
    return false;
  }

  /** What a task parked here waits for, for the deadlock report. */
  @Override
  public abstract String toString();
}
