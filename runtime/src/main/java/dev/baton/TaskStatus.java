package dev.baton;

/**
 * Handed to a task started with {@link TaskGroup#start}: the task calls {@link #started(Object)}
 * once it is ready, which resumes the {@code await(tg.start(...))} in the starting task with that
 * value and moves the task into the group.
 *
 * @param <T> the type of the value reported to the starter
 */
public interface TaskStatus<T> {
  /**
   * Reports readiness with {@code value}. Synchronous, not a checkpoint; the task keeps running until
   * its next checkpoint. A second call throws {@link IllegalStateException}, and so does a call after
   * the task has exited (the {@code start()} call has then already failed).
   *
   * <p>If the {@code start()} call is cancelled at that moment, the call has no effect (trio): the
   * task stays with the cancelled {@code start()} call, which waits for it and then throws what it
   * ends with, or returns {@code value} if it returns normally.
   */
  void started(T value);

  /** Reports readiness with no value (null). */
  default void started() {
    started(null);
  }

  /** A status that ignores {@code started()}, for running a startable task without {@code start()}. */
  @SuppressWarnings("unchecked")
  static <T> TaskStatus<T> ignored() {
    return (TaskStatus<T>) TaskStatusImpl.IGNORED;
  }
}
