package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;
import dev.baton.core.WaitQueue;

/**
 * The FIFO of tasks blocked on one synchronization primitive, and the loop that wakes them: a
 * primitive may be created anywhere (outside a loop too) and binds to the first loop a task of
 * which blocks on it.
 */
final class Waiters implements dev.baton.core.Waitable {
  final WaitQueue queue = new WaitQueue();
  private Loop loop;
  /** The primitive these are the waiters of (its kind and state for dumps), set by its first {@link Acquire}. */
  private Object owner;
  @Override
  public String kind() {
    return owner == null ? "primitive" : owner.getClass().getSimpleName();
  }

  @Override
  public String state() {
    return String.valueOf(owner);
  }

  /** A lock's owner: the one task that can free it (the other primitives have many or none). */
  @Override
  public Task holder() {
    return owner instanceof Lock ? ((Lock) owner).owner() : null;
  }

  /** The task running now: the caller of a synchronous operation that needs to know who calls. */
  static Task currentTask(String operation) {
    Loop l = Loop.running();
    Task t = l == null ? null : l.currentTask();
    if (t == null) {
      throw new IllegalStateException(operation + " must be called from a task running on Baton's loop");
    }
    return t;
  }

  /** Parks {@code task} at the tail of the queue on {@code op}. */
  Object park(Task task, Loop l, dev.baton.core.Operation op) {
    if (loop != l) {
      if (loop != null) {
        throw new IllegalStateException("a synchronization primitive can be used by one loop only");
      }
      loop = l;
    }
    queue.add(task);
    return l.park(task, op);
  }

  /**
   * Throws if tasks wait and the calling thread does not run their loop: waking them from another
   * thread (or after the loop has ended) would corrupt the loop's queues. Called before any change.
   */
  void checkThread(String operation) {
    if (!queue.isEmpty() && Loop.running() != loop) {
      throw new IllegalStateException(operation + " was called from a thread that does not run the loop this "
          + "primitive belongs to: only that loop's tasks may use it");
    }
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  int size() {
    return queue.size();
  }

  /** Removes and returns the task that has waited longest, or null. */
  Task poll() {
    return queue.poll();
  }

  /** Makes a task taken from the queue runnable; it resumes with {@code value}. */
  void resume(Task t, Object value) {
    loop.resume(t, value);
  }

  /** Makes a task taken from the queue runnable; {@code error} is thrown at its await. */
  void fail(Task t, Throwable error) {
    loop.fail(t, error);
  }

  /** Moves {@code t}, taken from this queue and still parked, to the tail of {@code other}. */
  void moveTo(Waiters other, Task t) {
    if (other.loop == null) {
      other.loop = loop;
    }
    other.queue.add(t);
  }

  /** Removes {@code t} from the queue (its wait was aborted by cancellation). */
  void remove(Task t) {
    queue.remove(t);
  }

  /** What an {@link Attempt} returns when the operation must wait. */
  static final Object WAIT = new Object();

  /** The immediate try of an {@link Acquire}. */
  @FunctionalInterface
  interface Attempt {
    /** Succeeds at once for {@code task} (returns the value), or returns {@link #WAIT}. */
    Object tryNow(Task task);
  }

  /**
   * A blocking operation of a primitive, always a checkpoint: a cancel point (nothing is taken in a
   * cancelled scope), then either an immediate success followed by a schedule point, or a park at the
   * tail of the queue. Cancellation while parked leaves the queue; the releaser resumes the task with
   * what it was handed, after which no abort is asked ("rescheduled wins").
   */
  static final class Acquire<T> extends RuntimeOperation<T> {
    private final Waiters waiters;
    private final String what;
    private final Object on;
    private final Attempt attempt;
    /** What the primitive keeps with this acquire (a limiter's borrower), or null. */
    final Object tag;

    Acquire(Waiters waiters, String what, Object on, Object tag, Attempt attempt) {
      this.waiters = waiters;
      this.what = what;
      this.on = on;
      this.tag = tag;
      this.attempt = attempt;
      if (waiters.owner == null) {
        waiters.owner = on;
      }
    }

    @Override
    public String describe(double now) {
      return what;
    }

    @Override
    public dev.baton.core.Waitable waitsOn() {
      return waiters;
    }

    @Override
    protected Object begin(Task task, Loop loop) {
      if (task.cancelled()) {
        throw task.newCancelled();
      }
      Object value = attempt.tryNow(task);
      if (value != WAIT) {
        return loop.yieldWith(task, value);
      }
      return waiters.park(task, loop, this);
    }

    @Override
    protected boolean abort(Task task, Loop loop) {
      waiters.remove(task);
      return true;
    }

    @Override
    public String toString() {
      return what + " on " + on;
    }
  }
}
