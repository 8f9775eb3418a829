package dev.baton.bench;

/**
 * The floor: the same workloads hand-written as minimal single-thread state machines on a minimal
 * FIFO scheduler, with none of Baton's semantics (no cancel scopes, no checkpoints, no task groups).
 * Where a workload needs a mechanism (timers for sleepers, a call chain for the deep await, taking
 * a parked task off its wait queue for the cancellation storm), the floor has the least code that
 * does it. Baton's goal is to stay within 1.5x of these numbers.
 */
final class Floor {
  private Floor() {}

  /** A task is a state machine with a resume slot. */
  abstract static class Task {
    Task next;
    Object value;
    long deadline;

    /** Runs until the task parks (returns) or finishes. */
    abstract void step(Loop loop);
  }

  /** A FIFO run queue, and timers (a binary heap by deadline, real clock) for sleeping tasks. */
  static final class Loop {
    private Task head;
    private Task tail;
    private final java.util.PriorityQueue<Task> timers =
        new java.util.PriorityQueue<>((a, b) -> Long.compare(a.deadline, b.deadline));

    /** Parks {@code t} until {@code System.nanoTime()} reaches {@code deadline}. */
    void sleepUntil(Task t, long deadline) {
      t.deadline = deadline;
      timers.add(t);
    }

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
      for (;;) {
        Task t;
        while ((t = head) != null) {
          head = t.next;
          if (head == null) {
            tail = null;
          }
          t.next = null;
          t.step(this);
        }
        Task first = timers.peek();
        if (first == null) {
          return;
        }
        long now = System.nanoTime();
        while (first.deadline > now) {
          java.util.concurrent.locks.LockSupport.parkNanos(first.deadline - now);
          now = System.nanoTime();
        }
        while ((first = timers.peek()) != null && first.deadline <= now) {
          schedule(timers.poll(), null);
        }
      }
    }
  }

  /**
   * A trampolined call chain: a frame's {@link #step} either calls another frame (returns it) or
   * finishes with a value (anything else), which the caller's next step receives. Constant Java
   * stack at any depth, frames on the heap, like an await chain.
   */
  abstract static class Frame {
    Frame caller;
    int state;

    abstract Object step(Object value);
  }

  static Object call(Frame frame) {
    Frame f = frame;
    Object v = null;
    for (;;) {
      Object r = f.step(v);
      if (r instanceof Frame) {
        Frame callee = (Frame) r;
        callee.caller = f;
        f = callee;
        v = null;
      } else {
        f = f.caller;
        if (f == null) {
          return r;
        }
        v = r;
      }
    }
  }

  /** The value a cancelled task is resumed with. */
  static final Object CANCELLED = new Object();

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

    /** Takes a parked receiver off the queue (cancellation); false if it was not parked here. */
    boolean abortReceive(Task receiver) {
      return receivers.remove(receiver);
    }
  }

  static final Object PARKED = new Object();
}
