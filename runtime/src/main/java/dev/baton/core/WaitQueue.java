package dev.baton.core;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Internal, not API: a FIFO of parked tasks linked through the tasks themselves (no node per wait),
 * with O(1) removal on abort.
 */
public final class WaitQueue {
  private Task head;
  private Task tail;
  private int size;

  public boolean isEmpty() {
    return head == null;
  }

  public int size() {
    return size;
  }

  public void add(Task t) {
    t.next = null;
    t.prev = tail;
    if (tail == null) {
      head = t;
    } else {
      tail.next = t;
    }
    tail = t;
    size++;
  }

  /** Removes and returns the task that has waited longest, or null. */
  public Task poll() {
    Task t = head;
    if (t != null) {
      remove(t);
    }
    return t;
  }

  /** Removes {@code t}, which must be in this queue. */
  public void remove(Task t) {
    if (t.prev == null) {
      head = t.next;
    } else {
      t.prev.next = t.next;
    }
    if (t.next == null) {
      tail = t.prev;
    } else {
      t.next.prev = t.prev;
    }
    t.next = null;
    t.prev = null;
    size--;
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
