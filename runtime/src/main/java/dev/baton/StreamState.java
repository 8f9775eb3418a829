package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Resources;
import dev.baton.core.Task;
import dev.baton.core.WaitQueue;

/**
 * The state shared by every handle of one memory object stream (trio's {@code MemoryChannelState}):
 * the buffer, the open-handle counts and the FIFO queues of blocked senders and receivers.
 *
 * <p>Invariant: receivers wait only while the buffer is empty. A blocked sender's item stays in the
 * send operation it is parked on ({@link StreamOp#takeItem}) until a receiver takes it.
 */
final class StreamState<T> implements dev.baton.core.Waitable {
  /** The value an async-iteration step resumes with at the end of the stream. */
  static final Object END = Resources.END;

  private static final Object[] NO_ITEMS = {};

  final int maxBufferSize;
  /** The buffer: a ring of {@link #count} items from {@link #head}, null items included (anyio#731 sends None). */
  private Object[] ring = NO_ITEMS;
  private int head;
  private int count;
  final WaitQueue waitingSenders = new WaitQueue();
  final WaitQueue waitingReceivers = new WaitQueue();
  int openSend = 1;
  int openReceive = 1;
  Loop loop;

  StreamState(int maxBufferSize) {
    this.maxBufferSize = maxBufferSize;
  }

  MemoryObjectStreamStatistics statistics() {
    return new MemoryObjectStreamStatistics(count, maxBufferSize, openSend, openReceive,
        waitingSenders.size(), waitingReceivers.size());
  }

  @Override
  public String kind() {
    return "memory object stream";
  }

  @Override
  public String state() {
    return count + "/" + (maxBufferSize == Integer.MAX_VALUE ? "unbounded" : String.valueOf(maxBufferSize)) + " buffered, "
        + plural(openSend, "send handle") + " and " + plural(openReceive, "receive handle") + " open, "
        + waitingSenders.size() + " waiting to send, " + waitingReceivers.size() + " to receive";
  }

  @Override
  public String wakers() {
    if (!waitingReceivers.isEmpty() && openSend > 0) {
      return (openSend == 1 ? "a send through its open send handle (or closing it)"
          : "a send through one of its " + openSend + " open send handles (or closing them all)")
          + "; no task waits to send";
    }
    if (!waitingSenders.isEmpty() && openReceive > 0) {
      return (openReceive == 1 ? "a receive through its open receive handle (or closing it)"
          : "a receive through one of its " + openReceive + " open receive handles (or closing them all)")
          + "; no task waits to receive";
    }
    return null;
  }

  static String plural(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** anyio's send_nowait checks, on a handle known to be open: true if delivered or buffered. */
  boolean trySend(T item) {
    if (openReceive == 0) {
      throw new BrokenResourceException("every receive handle of this stream is closed");
    }
    Task receiver = waitingReceivers.poll();
    if (receiver != null) {
      loop.resume(receiver, item);
      return true;
    }
    if (count < maxBufferSize) {
      push(item);
      return true;
    }
    return false;
  }

  /** Appends {@code item} to the buffer if there is room (no receiver waits): true if it did. */
  boolean tryBuffer(Object item) {
    if (count < maxBufferSize) {
      push(item);
      return true;
    }
    return false;
  }

  /**
   * anyio's receive_nowait steps 2-4 on an open handle: the item, or {@code PARKED}; throws
   * {@link EndOfStreamException} (or returns {@link #END} when {@code iterating}).
   */
  Object tryReceive(boolean iterating) {
    Task sender = waitingSenders.poll();
    if (sender != null) {
      // The sender's item joins the tail of the buffer (its send completes); the head is received.
      Object item = ((StreamOp) sender.waitingOn()).takeItem();
      loop.wake(sender);
      if (count == 0) {
        return item;
      }
      push(item);
    }
    if (count > 0) {
      return pop();
    }
    if (openSend == 0) {
      return ended(iterating);
    }
    return RuntimeOperation.PARKED;
  }

  private static Object ended(boolean iterating) {
    if (iterating) {
      return END;
    }
    throw new EndOfStreamException("every send handle of this stream is closed and its buffer is empty");
  }

  private void push(Object item) {
    if (count == ring.length) {
      grow();
    }
    ring[(head + count++) & (ring.length - 1)] = item;
  }

  private Object pop() {
    Object item = ring[head];
    ring[head] = null;
    head = (head + 1) & (ring.length - 1);
    count--;
    return item;
  }

  /** Doubles the ring; it starts at 16, or at the buffer size rounded up to a power of two if smaller. */
  private void grow() {
    int capacity = ring.length > 0 ? ring.length << 1
        : maxBufferSize < 16 ? Integer.highestOneBit(Math.max(1, maxBufferSize - 1)) << 1 : 16;
    Object[] bigger = new Object[capacity];
    for (int i = 0; i < count; i++) {
      bigger[i] = ring[(head + i) & (ring.length - 1)];
    }
    ring = bigger;
    head = 0;
  }

  /** Throws unless called on the thread of the loop the stream belongs to (if it belongs to one yet). */
  void checkThread(String what) {
    if (loop != null) {
      loop.checkInLoopThread(what);
    }
  }

  void bind(Loop l) {
    if (loop == null) {
      loop = l;
    } else if (loop != l) {
      throw new IllegalStateException("a memory object stream can be used by one loop only");
    }
  }

  /**
   * Wakes the tasks blocked on {@code handle} (trio: a handle closing under a task) with one
   * {@link ClosedResourceException} saying {@code message}, made only if such a task is found.
   */
  void wakeBlockedOn(WaitQueue queue, Object handle, String message) {
    if (loop == null || queue.isEmpty()) {
      return;
    }
    Throwable[] error = {null};
    queue.removeEach(t -> ((StreamOp) t.waitingOn()).handle() == handle, t -> {
      ((StreamOp) t.waitingOn()).takeItem();
      if (error[0] == null) {
        error[0] = new ClosedResourceException(message);
      }
      loop.fail(t, error[0]);
    });
  }

  /** The last send handle closed: every waiting receiver ends (EndOfStream, or END when iterating). */
  void endReceivers() {
    Task t;
    while ((t = waitingReceivers.poll()) != null) {
      if (((StreamOp) t.waitingOn()).iterating()) {
        loop.resume(t, END);
      } else {
        loop.fail(t, new EndOfStreamException("every send handle of this stream is closed and its buffer is empty"));
      }
    }
  }

  /** The last receive handle closed: every waiting sender fails with BrokenResource. */
  void breakSenders() {
    Task t;
    while ((t = waitingSenders.poll()) != null) {
      ((StreamOp) t.waitingOn()).takeItem();
      loop.fail(t, new BrokenResourceException("every receive handle of this stream is closed"));
    }
  }

  /** Implemented by the operations that park in this state's queues. */
  interface StreamOp {
    /** The handle the operation was made by. */
    Object handle();

    /** A step of async iteration (which ends with {@link #END} rather than EndOfStream). */
    boolean iterating();

    /** A parked send's item, which leaves the operation (the send is over); null for receives. */
    Object takeItem();
  }
}
