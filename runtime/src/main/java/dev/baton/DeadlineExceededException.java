package dev.baton;

/**
 * Thrown on exit from a {@link Baton#failAfter}/{@link Baton#failAt} scope whose deadline cancelled
 * its body (anyio's {@code TimeoutError}). An explicit {@link CancelScope#cancel()} before the
 * deadline does not cause it.
 */
public class DeadlineExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DeadlineExceededException(String message) {
    super(message);
  }
}
