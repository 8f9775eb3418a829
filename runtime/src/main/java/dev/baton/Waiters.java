package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;
import dev.baton.core.WaitQueue;

/**
 * The FIFO of tasks blocked on one synchronization primitive, and the loop that wakes them: a
 * primitive may be created anywhere (outside a loop too) and binds to the first loop a task of
 * which blocks on it.
 */
final class Waiters {
  final WaitQueue queue = new WaitQueue();
  private Loop loop;

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
}
