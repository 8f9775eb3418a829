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

  /**
   * The scope whose cancellation this is, for a message built only when someone asks, and whether
   * user code may have reached this exception, in one field (a cancellation stays at five words):
   * the {@link CancelScope} itself while the runtime made it and no user code can have reached it,
   * a {@link Reached} holding it from then on, null for a cancellation whose scope is unknown (made
   * by the public constructor, or deserialized), which counts as reached. Untouched, nothing can
   * have been suppressed on it, and {@link #failuresIn} need not ask ({@code getSuppressed()} takes
   * the exception's monitor, a large part of the cost of a cancellation storm). It is reached when
   * it is delivered to a frame whose code may catch it ({@code Runner.errorSeen}) or handed outside
   * the loop.
   */
  private transient Object origin;

  /** The {@link #origin} of a cancellation user code may have reached. */
  private record Reached(CancelScope scope) {}

  /**
   * The {@link #origin} of the one cancellation a scope has the loop deliver to every task it
   * cancels ({@link #shared}): untouched, and never to be touched. Whatever would hand it to user
   * code ({@link #exposed}) hands over a copy instead.
   */
  private record Shared(CancelScope scope) {}

  public Cancelled(String message) {
    super(message, null, true, false);
  }

  /** A cancellation caused by {@code cause} (null if unknown: then it counts as reached); its message is built lazily. */
  Cancelled(CancelScope cause) {
    this((Object) cause);
  }

  /** A cancellation whose message is built lazily, with {@code origin} as its {@link #origin}. */
  private Cancelled(Object origin) {
    super(null, null, true, false);
    this.origin = origin;
  }

  /**
   * The cancellation {@code cause} has the loop deliver to every task it cancels: one instance for
   * them all, which no user code ever holds (see {@link #exposed}).
   */
  static Cancelled shared(CancelScope cause) {
    return new Cancelled(new Shared(cause));
  }

  private boolean untouched() {
    Object o = origin;
    return o instanceof CancelScope || o instanceof Shared;
  }

  private CancelScope scope() {
    Object o = origin;
    return o instanceof CancelScope ? (CancelScope) o
        : o instanceof Reached ? ((Reached) o).scope()
        : o instanceof Shared ? ((Shared) o).scope() : null;
  }

  /**
   * {@code error} is now within reach of user code: if it is a {@code Cancelled}, or a group with
   * some inside, they may gain suppressed failures from now on. Returns what user code gets:
   * {@code error}, or for a cancellation shared by several tasks ({@link #shared}), a new one of
   * its own (every cancelled checkpoint throws a new {@code Cancelled}).
   */
  static Throwable exposed(Throwable error) {
    if (error instanceof Cancelled) {
      Cancelled c = (Cancelled) error;
      Object o = c.origin;
      if (o instanceof Shared) {
        return new Cancelled(new Reached(((Shared) o).scope()));
      }
      if (o instanceof CancelScope) {
        c.origin = new Reached((CancelScope) o);
      }
    } else if (error instanceof ExceptionGroup) {
      for (Throwable member : ((ExceptionGroup) error).exceptions()) {
        exposed(member);
      }
    }
    return error;
  }

  /**
   * The failures suppressed on {@code c} while it propagated, cancellations left out (at any depth):
   * null if none, else the first, with the others added to it as suppressed (in the order they
   * happened, as try-with-resources would have them).
   */
  static Throwable failuresIn(Cancelled c) {
    if (c.untouched()) {
      return null;
    }
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
    CancelScope cause = scope();
    return cause == null ? "cancelled" : "cancelled by " + cause.describe();
  }
}
