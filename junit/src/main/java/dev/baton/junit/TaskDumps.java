package dev.baton.junit;

import dev.baton.DeadlockException;

/**
 * What the extension prints about the tasks of a scenario that timed out or deadlocked.
 *
 * <p>{@link #now()} is the runtime's {@code Baton.dumpTasks()}, taken on the loop's thread, inside
 * a task, at the timeout's deadline; a deadlock reports the runtime's message, which is the
 * wait-for graph of every blocked task.
 */
final class TaskDumps {
  private TaskDumps() {}

  /** The task dump of the running loop, as text. */
  static String now() {
    return dev.baton.Baton.dumpTasks().toString();
  }

  /** What to print about a deadlock. */
  static String ofDeadlock(DeadlockException e) {
    return e.getMessage();
  }
}
