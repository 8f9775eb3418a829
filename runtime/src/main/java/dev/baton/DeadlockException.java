package dev.baton;

/**
 * Thrown by {@link Baton#run} when no task can ever run again: nothing is runnable, no timer is
 * pending, and no socket, worker thread, future or portal can wake a task. The message lists the
 * blocked tasks grouped by what they wait for (the same stream, lock or event), at the user's lines,
 * with the wait-for graph: the task holding what others wait on and what it waits for in turn (a
 * cycle says so), or what alone could wake them ("a send ...; no task waits to send"). At most 20
 * groups are listed, so that a hundred thousand blocked tasks still give a short message.
 */
public class DeadlockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DeadlockException(String message) {
    super(message);
  }
}
