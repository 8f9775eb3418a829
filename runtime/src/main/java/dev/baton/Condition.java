package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A condition variable bound to a {@link Lock} (anyio's and trio's {@code Condition}): a task holding
 * the lock waits with {@link #waitForSignal()}, which releases the lock while it waits and takes
 * it back before returning; another task holding the lock wakes waiters with {@link #signal()},
 * {@link #signal(int)} or {@link #signalAll()}.
 *
 * <pre>{@code
 * try (Acquired held = await(condition.acquire())) {
 *   while (queue.isEmpty()) {
 *     await(condition.waitForSignal());
 *   }
 *   ...
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code waitForSignal} (anyio's {@code wait()}; {@code Object.wait()} takes the name) is
 *       always a checkpoint and always returns or throws holding the lock again: when cancelled it
 *       takes the lock back (shielded, waiting its turn) before throwing {@link Cancelled}.</li>
 *   <li>Notified waiters move, oldest first, straight into the lock's queue (trio): they run once the
 *       notifier releases the lock, in notification order.</li>
 *   <li>"Rescheduled wins over cancel": a waiter notified before it is cancelled returns normally
 *       (once it has the lock) and sees the cancellation at its next checkpoint, so a notification is
 *       never lost to a cancelled waiter. A waiter cancelled before it is notified leaves the queue
 *       and is not counted by a later {@code signal(n)}.</li>
 *   <li>{@link #signal(int)}, {@link #signalAll()}, {@link #waitForSignal()} and
 *       {@link #waitUntil} require the current task to hold the lock ({@link IllegalStateException}).</li>
 * </ul>
 */
public final class Condition {
  private final Lock lock;
  private final Waiters waiters = new Waiters();

  /** A condition with a lock of its own. */
  public Condition() {
    this(new Lock());
  }

  /** A condition bound to {@code lock}. */
  public Condition(Lock lock) {
    this.lock = Objects.requireNonNull(lock, "lock == null");
  }

  /** The lock the condition is bound to. */
  public Lock lock() {
    return lock;
  }

  /** {@link Lock#acquire()} of the condition's lock. */
  public Awaitable<Acquired> acquire() {
    return lock.acquire();
  }

  /** {@link Lock#acquireNowait()} of the condition's lock. */
  public Acquired acquireNowait() {
    return lock.acquireNowait();
  }

  /** {@link Lock#release()} of the condition's lock. */
  public void release() {
    lock.release();
  }

  /** Whether the condition's lock is held. */
  public boolean locked() {
    return lock.locked();
  }

  /**
   * Releases the lock, waits until notified, then takes the lock back (also when cancelled). Always a
   * checkpoint.
   *
   * @throws IllegalStateException (at the await) if the current task does not hold the lock
   */
  public Awaitable<Void> waitForSignal() {
    return new Wait();
  }

  /**
   * Waits until {@code predicate} is true, testing it first and after every signal, with the lock
   * held (anyio's {@code wait_for}). Always a checkpoint, even if the predicate is true at once.
   *
   * @throws IllegalStateException (at the await) if the current task does not hold the lock
   */
  public Awaitable<Void> waitUntil(BooleanSupplier predicate) {
    Objects.requireNonNull(predicate, "predicate == null");
    return new WaitUntil(predicate);
  }

  /**
   * Wakes up to {@code n} waiters, oldest first (anyio's {@code notify(n)}): each moves into the
   * lock's queue. Synchronous, never a checkpoint.
   *
   * @throws IllegalStateException if the current task does not hold the lock
   */
  public void signal(int n) {
    checkOwner(Waiters.currentTask("Condition.signal()"));
    for (int i = 0; i < n; i++) {
      Task t = waiters.poll();
      if (t == null) {
        return;
      }
      ((WaitOp) t.waitingOn()).notified = true;
      waiters.moveTo(lock.waiters, t);
    }
  }

  /** Wakes the waiter that has waited longest: {@code signal(1)} (anyio's {@code notify()}). */
  public void signal() {
    signal(1);
  }

  /** Wakes every waiter (anyio's {@code notify_all()}). */
  public void signalAll() {
    signal(Integer.MAX_VALUE);
  }

  public ConditionStatistics statistics() {
    return new ConditionStatistics(waiters.size(), lock.statistics());
  }

  @Override
  public String toString() {
    return "Condition[tasksWaiting=" + waiters.size() + ", " + lock + "]";
  }

  private void checkOwner(Task task) {
    if (!lock.ownedBy(task)) {
      throw new IllegalStateException("the current task is not holding the underlying lock");
    }
  }

  /** One wait: parked in the condition's queue, then (notified) in the lock's. */
  private final class WaitOp extends RuntimeOperation<Object> {
    boolean notified;
    /** Whether the task got as far as parking (and releasing the lock). */
    boolean parked;

    @Override
    protected Object begin(Task task, Loop loop) {
      if (task.cancelled()) {
        throw task.newCancelled();
      }
      checkOwner(task);
      parked = true;
      Object result = waiters.park(task, loop, this);
      lock.releaseFrom(task);
      return result;
    }

    @Override
    protected boolean abort(Task task, Loop loop) {
      if (notified) {
        return false; // rescheduled wins: the task returns once it has the lock
      }
      waiters.remove(task);
      return true;
    }

    @Override
    public String toString() {
      return (notified ? "the lock, after a notification, of " : "a notification of ") + Condition.this;
    }
  }

  /** The wait as a coroutine: park; if cancelled, take the lock back (shielded) and rethrow. */
  private final class Wait extends Coroutine<Void> {
    private int state;
    private WaitOp op;
    private Throwable cancelled;

    @Override
    protected Object $step(Object value, Throwable error) throws Throwable {
      switch (state) {
        case 0:
          state = 1;
          op = new WaitOp();
          return op;
        case 1:
          if (error == null) {
            return $complete(null);
          }
          if (!op.parked) {
            throw error; // failed before releasing the lock: not holding it, or cancelled at the start
          }
          cancelled = error;
          state = 2;
          return lock.reacquireShielded();
        default:
          throw cancelled;
      }
    }
  }

  /** {@code while (!predicate) await(waitForSignal())}; a checkpoint if the predicate holds at once. */
  private final class WaitUntil extends Coroutine<Void> {
    private final BooleanSupplier predicate;
    private boolean started;

    WaitUntil(BooleanSupplier predicate) {
      this.predicate = predicate;
    }

    @Override
    protected Object $step(Object value, Throwable error) throws Throwable {
      if (error != null) {
        throw error;
      }
      if (!started) {
        started = true;
        checkOwner(Waiters.currentTask("Condition.waitUntil()"));
        if (predicate.getAsBoolean()) {
          return Checkpoints.CHECKPOINT;
        }
        return new Wait();
      }
      if (predicate.getAsBoolean()) {
        return $complete(null);
      }
      return new Wait();
    }
  }
}
