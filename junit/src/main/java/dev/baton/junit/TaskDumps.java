package dev.baton.junit;

import dev.baton.DeadlockException;

/**
 * What the extension prints about the tasks of a scenario that timed out or deadlocked.
 *
 * <p>INTEGRATION POINT (issue 12, item 3): once the runtime has {@code Baton.dumpTasks()}, {@link #now()}
 * returns it (called on the loop's thread, inside a task, at the timeout's deadline) and
 * {@link #ofDeadlock} appends the dump carried by the exception. Until then a timeout reports no
 * tasks, and a deadlock reports the runtime's message, which names every blocked task and what it
 * waits for.
 */
final class TaskDumps {
  private TaskDumps() {}

  /** The task dump of the running loop, or null while the runtime has none. */
  static String now() {
    return null; // INTEGRATION POINT: return dev.baton.Baton.dumpTasks();
  }

  /** What to print about a deadlock. */
  static String ofDeadlock(DeadlockException e) {
    return e.getMessage(); // INTEGRATION POINT: the exception's task dump, when it carries one
  }
}
