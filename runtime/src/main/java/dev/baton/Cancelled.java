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
 *
 * <h2>No failure is lost</h2>
 * A failure that happens while a cancellation propagates, typically a resource whose
 * {@code close()} throws at the end of a try-with-resources the cancellation passes through, is
 * added to the {@code Cancelled} as a suppressed exception (JLS 14.20.3). It does not vanish with
 * the cancellation: the cancel scope that catches the {@code Cancelled} raises it as it exits
 * ({@code moveOnAfter} and friends) or suppresses it on the {@link DeadlineExceededException} it
 * throws ({@code failAfter}), and a task group counts it among its failures, as trio does with an
 * exception raised while {@code Cancelled} unwinds.
 */
public final class Cancelled extends Error implements dev.baton.core.Untraced {
  private static final long serialVersionUID = 1L;

  /** The scope whose cancellation this is, for a message built only when someone asks. */
  private final transient CancelScope cause;

  public Cancelled(String message) {
    super(message, null, true, false);
    this.cause = null;
  }

  /** A cancellation caused by {@code cause} (null if unknown); its message is built lazily. */
  Cancelled(CancelScope cause) {
    super(null, null, true, false);
    this.cause = cause;
  }

  /**
   * The failures suppressed on {@code c} while it propagated, cancellations left out (at any depth):
   * null if none, else the first, with the others added to it as suppressed (in the order they
   * happened, as try-with-resources would have them).
   */
  static Throwable failuresIn(Cancelled c) {
    Throwable first = null;
    for (Throwable s : c.getSuppressed()) {
      Throwable failure = ExceptionGroup.withoutCancelled(s);
      if (failure == null) {
        continue;
      }
      if (first == null) {
        first = failure;
      } else if (failure != first) {
        first.addSuppressed(failure);
      }
    }
    return first;
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
