package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;

/**
 * A mutual-exclusion lock for tasks (anyio's and trio's {@code Lock}): at most one task holds it,
 * and only that task may release it.
 *
 * <pre>{@code
 * try (Acquired held = await(lock.acquire())) {
 *   ... // one task at a time
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #acquire()} is always a checkpoint: it throws {@link Cancelled} in a cancelled scope
 *       even when the lock is free (then it takes nothing), and yields after taking a free lock
 *       (anyio's {@code Lock(fast_acquire=False)}, trio's rule).</li>
 *   <li>Fair: waiters get the lock in the order they asked, and {@link #release()} hands it directly
 *       to the first waiter, so a third task cannot barge in between; {@link #acquireNowait()} fails
 *       while anyone waits.</li>
 *   <li>Cancellation-safe: a waiter cancelled before the hand-off leaves the queue at once and never
 *       gets the lock. A waiter that was handed the lock keeps it: its {@code acquire} returns
 *       normally even if it is cancelled before it runs again (trio's "rescheduled wins over
 *       cancel"), and the cancellation is seen at its next checkpoint, inside the block that will
 *       release it.</li>
 *   <li>Owner-checked: acquiring again from the owning task, or releasing from another task, is an
 *       {@link IllegalStateException}.</li>
 *   <li>A lock whose owner task finished without releasing it is broken: acquiring it throws
 *       {@link BrokenResourceException} (trio). Tasks already waiting when the owner finished are not
 *       woken: they wait until cancelled, or the loop reports the deadlock.</li>
 * </ul>
 *
 * A lock may be created anywhere; it is used by the tasks of one loop.
 */
public final class Lock {
  private Task owner;
  final Waiters waiters = new Waiters();
  private final Runnable releaser = this::release;
  private final Waiters.Acquire<Acquired> acquire =
      new Waiters.Acquire<>(waiters, "acquire", this, null, task -> tryAcquire(task) ? held() : Waiters.WAIT);
  private final ReacquireOp reacquire = new ReacquireOp();

  public Lock() {}

  /**
   * Acquires the lock, waiting while another task holds it or others wait before this one. Always a
   * checkpoint. Its value releases the lock when closed.
   *
   * @throws IllegalStateException (at the await) if the current task already holds the lock
   */
  public Awaitable<Acquired> acquire() {
    return acquire;
  }

  /**
   * Acquires the lock if it is free and nobody waits, else throws {@link WouldBlockException}. Never
   * a checkpoint.
   *
   * @throws IllegalStateException if the current task already holds the lock, or no task is running
   */
  public Acquired acquireNowait() {
    Task task = Waiters.currentTask("Lock.acquireNowait()");
    if (!tryAcquire(task)) {
      throw new WouldBlockException("the lock is held by " + owner.name());
    }
    return held();
  }

  /**
   * Releases the lock, handing it to the task that has waited longest, if any. Synchronous, never a
   * checkpoint.
   *
   * @throws IllegalStateException if the current task does not hold the lock
   */
  public void release() {
    Task task = Waiters.currentTask("Lock.release()");
    if (owner != task) {
      throw new IllegalStateException("the current task is not holding this lock");
    }
    releaseFrom(task);
  }

  /** Whether a task holds the lock. */
  public boolean locked() {
    return owner != null;
  }

  public LockStatistics statistics() {
    return new LockStatistics(owner != null, owner == null ? null : owner.name(), waiters.size());
  }

  /** The task holding the lock, or null. */
  Task owner() {
    return owner;
  }

  @Override
  public String toString() {
    return "Lock[" + (owner == null ? "not locked" : "held by " + owner.name()) + ", tasksWaiting=" + waiters.size() + "]";
  }

  /** Takes the lock for {@code task} if it is free and nobody waits; throws if {@code task} holds it. */
  private boolean tryAcquire(Task task) {
    if (owner == task) {
      throw new IllegalStateException("attempted to acquire a Lock the current task already holds");
    }
    if (owner != null && owner.finished()) {
      throw new BrokenResourceException("the owner of this lock exited without releasing it");
    }
    if (owner != null || !waiters.isEmpty()) {
      return false;
    }
    owner = task;
    return true;
  }

  /** Releases on behalf of {@code task}, the owner: the first waiter, if any, becomes the owner. */
  void releaseFrom(Task task) {
    Task next = waiters.poll();
    owner = next;
    if (next != null) {
      waiters.resume(next, held());
    }
  }

  boolean ownedBy(Task task) {
    return owner == task;
  }

  /** An acquire that cannot be cancelled, for a {@link Condition} waiter taking the lock back. */
  Awaitable<Acquired> reacquireShielded() {
    return reacquire;
  }

  private Acquired held() {
    return new Held(releaser);
  }

  /** Takes the lock back whatever the cancellation: the task waits its turn and cannot be aborted. */
  private final class ReacquireOp extends RuntimeOperation<Acquired> {
    @Override
    protected Object begin(Task task, Loop loop) {
      if (tryAcquire(task)) {
        return held();
      }
      return waiters.park(task, loop, this);
    }

    @Override
    public String toString() {
      return "re-acquire (shielded) on " + Lock.this;
    }
  }
}
