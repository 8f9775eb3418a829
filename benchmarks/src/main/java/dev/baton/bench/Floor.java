package dev.baton.bench;

/**
 * The floor: the same workloads hand-written as minimal single-thread state machines on a minimal
 * FIFO scheduler, with none of Baton's semantics (no cancellation, no checkpoints, no task groups).
 * Baton's goal is to stay within 1.5x of these numbers.
 */
final class Floor {
  private Floor() {}

  /** A task is a state machine with a resume slot. */
  abstract static class Task {
    Task next;
    Object value;

    /** Runs until the task parks (returns) or finishes. */
    abstract void step(Loop loop);
  }

  /** A FIFO run queue. */
  static final class Loop {
    private Task head;
    private Task tail;

    void schedule(Task t, Object value) {
      t.value = value;
      t.next = null;
      if (tail == null) {
        head = t;
      } else {
        tail.next = t;
      }
      tail = t;
    }

    void run() {
      Task t;
      while ((t = head) != null) {
        head = t.next;
        if (head == null) {
          tail = null;
        }
        t.next = null;
        t.step(this);
      }
    }
  }

  /** A bounded FIFO channel with FIFO queues of parked senders and receivers. */
  static final class Channel {
    private final Object[] ring;
    private int start;
    private int size;
    private final java.util.ArrayDeque<Task> receivers = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Task> senders = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Object> senderItems = new java.util.ArrayDeque<>();

    Channel(int capacity) {
      ring = new Object[Math.max(capacity, 1)];
      this.capacity = capacity;
    }

    private final int capacity;

    /** Returns true if sent at once; else the sender is parked and resumed when taken. */
    boolean send(Loop loop, Task sender, Object item) {
      Task r = receivers.pollFirst();
      if (r != null) {
        loop.schedule(r, item);
        return true;
      }
      if (size < capacity) {
        ring[(start + size++) % ring.length] = item;
        return true;
      }
      senders.addLast(sender);
      senderItems.addLast(item);
      return false;
    }

    /** Returns the item, or the receiver itself as a "parked" marker. */
    Object receive(Loop loop, Task receiver) {
      if (size > 0) {
        Object item = ring[start];
        ring[start] = null;
        start = (start + 1) % ring.length;
        size--;
        Task s = senders.pollFirst();
        if (s != null) {
          ring[(start + size++) % ring.length] = senderItems.pollFirst();
          loop.schedule(s, null);
        }
        return item;
      }
      Task s = senders.pollFirst();
      if (s != null) {
        loop.schedule(s, null);
        return senderItems.pollFirst();
      }
      receivers.addLast(receiver);
      return PARKED;
    }
  }

  static final Object PARKED = new Object();
}
