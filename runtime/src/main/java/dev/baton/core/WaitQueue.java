package dev.baton.core;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Internal, not API: a FIFO of parked tasks linked through the tasks themselves (no node per wait),
 * with O(1) removal on abort. A task in no queue (run queue included) has null links; each queue
 * keeps it so. Within a queue, the head's {@code prev} link is not kept (it may point at a task
 * that has left): the head is known by {@link #head}.
 */
public final class WaitQueue {
  private Task head;
  private Task tail;

  public boolean isEmpty() {
    return head == null;
  }

  /** The number of tasks waiting: a walk of the queue (for statistics, not for hot paths). */
  public int size() {
    int n = 0;
    for (Task t = head; t != null; t = t.next) {
      n++;
    }
    return n;
  }

  /** Appends {@code t}, which is in no queue (so its links are null). */
  public void add(Task t) {
    Task last = tail;
    if (last == null) {
      head = t;
    } else {
      t.prev = last;
      last.next = t;
    }
    tail = t;
  }

  /**
   * Removes and returns the task that has waited longest, or null. Touches only that task and the
   * queue: the new head keeps its stale {@code prev} link (a head's prev is never read), so a long
   * queue costs no visit to the next task in line, which may be far out of cache.
   */
  public Task poll() {
    Task t = head;
    if (t != null) {
      if (t == tail) {
        head = null;
        tail = null;
      } else {
        head = t.next;
        t.next = null;
      }
      t.prev = null;
    }
    return t;
  }

  /** Removes {@code t}, which must be in this queue. */
  public void remove(Task t) {
    Task p = t == head ? null : t.prev; // the head's prev link may be stale (see poll)
    Task n = t.next;
    if (p == null) {
      head = n;
    } else {
      p.next = n;
    }
    if (n == null) {
      tail = p;
    } else {
      n.prev = p;
    }
    t.next = null;
    t.prev = null;
  }

  /** Removes every task that {@code which} accepts, oldest first, handing each to {@code then}. */
  public void removeEach(Predicate<Task> which, Consumer<Task> then) {
    for (Task t = head; t != null; ) {
      Task next = t.next;
      if (which.test(t)) {
        remove(t);
        then.accept(t);
      }
      t = next;
    }
  }
}
