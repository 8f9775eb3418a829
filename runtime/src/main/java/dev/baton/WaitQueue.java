package dev.baton;

/** A FIFO of parked tasks linked through {@link Task#next}/{@link Task#prev}: O(1) removal on abort. */
final class WaitQueue {
  private Task head;
  private Task tail;
  private int size;

  boolean isEmpty() {
    return head == null;
  }

  int size() {
    return size;
  }

  Task peek() {
    return head;
  }

  void add(Task t) {
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

  Task poll() {
    Task t = head;
    if (t != null) {
      remove(t);
    }
    return t;
  }

  void remove(Task t) {
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
}
