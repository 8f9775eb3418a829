package dev.baton;

/**
 * Thrown at a checkpoint of a task that is effectively cancelled (trio's {@code Cancelled}).
 *
 * <p>It extends {@link Error} so that {@code catch (Exception e)} cannot swallow it by accident:
 * cancellation must travel up to the cancel scope that caused it, which catches it on exit.
 * Catch it only to clean up, and rethrow it. Cancellation is level-triggered: while a task is
 * effectively cancelled, every checkpoint throws a new {@code Cancelled}.
 *
 * <p>Instances carry no stack trace (they are control flow and can be numerous); the message says
 * which scope caused the cancellation.
 */
public final class Cancelled extends Error {
  private static final long serialVersionUID = 1L;

  /** The scope whose cancellation this is, for a message built only when someone asks. */
  private final transient CancelScope cause;

  public Cancelled(String message) {
    super(message, null, false, false);
    this.cause = null;
  }

  /** A cancellation caused by {@code cause} (null if unknown); its message is built lazily. */
  Cancelled(CancelScope cause) {
    super(null, null, false, false);
    this.cause = cause;
  }

  @Override
  public String getMessage() {
    String m = super.getMessage();
    if (m != null) {
      return m;
    }
    return cause == null ? "cancelled" : "cancelled by " + cause.describe();
  }
}
