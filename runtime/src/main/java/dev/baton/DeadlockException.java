package dev.baton;

/** Thrown by {@link Baton#run} when no task can ever run again: nothing is runnable and no timer is pending. The message names every blocked task and what it waits for. */
public class DeadlockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DeadlockException(String message) {
    super(message);
  }
}
