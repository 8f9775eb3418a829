package dev.baton.core;

/**
 * Internal, not API: an awaitable implemented by the runtime itself (sleep, checkpoint, stream
 * operations, a task group's exit, ...). Awaiting one calls {@link #begin}, which either produces
 * the value at once or parks the task; a parked task is woken by {@link Loop#resume} /
 * {@link Loop#fail}, or by cancellation through {@link #abort}.
 *
 * <p>Trio's rule holds for every subclass: an operation is either always or never a checkpoint.
 */
public abstract class Operation {
  /** Returned by {@link #begin} when the task was parked or rescheduled. */
  public static final Object PARKED = new Frame.Marker("PARKED");

  protected Operation() {}

  /**
   * Starts the operation on behalf of {@code task} (the running task). Returns the operation's value
   * to continue at once, or {@link #PARKED} after {@link Loop#park} or a schedule point
   * ({@link Loop#yieldWith}, {@link Loop#checkpoint}). May throw: the exception is delivered at the
   * await.
   */
  protected abstract Object begin(Task task, Loop loop);

  /**
   * The task, parked on this operation, has become effectively cancelled. Undo the wait (leave every
   * queue) and return true to have the task rescheduled with {@code Cancelled}; return false to keep
   * it parked (the cancellation is then seen at its next checkpoint). Called at most once per wait
   * (trio): after a refusal, further cancellations leave the task alone, and the operation must
   * eventually reschedule it itself.
   */
  protected boolean abort(Task task, Loop loop) {
    return false;
  }

  /** What a task parked here waits for, for the deadlock report. */
  @Override
  public abstract String toString();
}
