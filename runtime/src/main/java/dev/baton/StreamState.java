package dev.baton;

import java.util.ArrayDeque;

/**
 * The state shared by every handle of one memory object stream (trio's {@code MemoryChannelState}):
 * the buffer, the open-handle counts and the FIFO queues of blocked senders and receivers.
 *
 * <p>Invariant: receivers wait only while the buffer is empty. A blocked sender keeps its item in
 * {@link Task#resumeValue} until a receiver takes it.
 */
final class StreamState<T> {
  /** The value an async-iteration step resumes with at the end of the stream. */
  static final Object END = dev.baton.lowlevel.AsyncFrame.END;

  /** Stands for a null item in {@link #buffer} (an ArrayDeque cannot hold null; anyio#731 sends None). */
  private static final Object NULL_ITEM = new Object();

  final int maxBufferSize;
  /** Buffered items, with null items stored as {@link #NULL_ITEM}. */
  private final ArrayDeque<Object> buffer = new ArrayDeque<>();
  final WaitQueue waitingSenders = new WaitQueue();
  final WaitQueue waitingReceivers = new WaitQueue();
  int openSend = 1;
  int openReceive = 1;
  Runner runner;

  StreamState(int maxBufferSize) {
    this.maxBufferSize = maxBufferSize;
  }

  MemoryObjectStreamStatistics statistics() {
    return new MemoryObjectStreamStatistics(buffer.size(), maxBufferSize, openSend, openReceive,
        waitingSenders.size(), waitingReceivers.size());
  }

  /** anyio's send_nowait checks, on a handle known to be open: true if delivered or buffered. */
  boolean trySend(T item) {
    if (openReceive == 0) {
      throw new BrokenResourceException("every receive handle of this stream is closed");
    }
    Task receiver = waitingReceivers.poll();
    if (receiver != null) {
      runner.reschedule(receiver, item, null);
      return true;
    }
    if (buffer.size() < maxBufferSize) {
      buffer.addLast(item == null ? NULL_ITEM : item);
      return true;
    }
    return false;
  }

  /**
   * anyio's receive_nowait steps 2-4 on an open handle: the item, or {@code WOULD_BLOCK}; throws
   * {@link EndOfStreamException} (or returns {@link #END} when {@code iterating}).
   */
  Object tryReceive(boolean iterating) {
    Task sender = waitingSenders.poll();
    if (sender != null) {
      Object item = sender.resumeValue;
      buffer.addLast(item == null ? NULL_ITEM : item);
      runner.reschedule(sender, null, null);
    }
    if (!buffer.isEmpty()) {
      Object item = buffer.pollFirst();
      return item == NULL_ITEM ? null : item;
    }
    if (openSend == 0) {
      if (iterating) {
        return END;
      }
      throw new EndOfStreamException("every send handle of this stream is closed and its buffer is empty");
    }
    return Operation.PARKED;
  }

  void bind(Runner r) {
    if (runner == null) {
      runner = r;
    } else if (runner != r) {
      throw new IllegalStateException("a memory object stream can be used by one loop only");
    }
  }

  /** Wakes the tasks blocked on {@code handle} (trio: a handle closing under a task). */
  void wakeBlockedOn(WaitQueue queue, Object handle, Throwable error) {
    if (runner == null) {
      return;
    }
    for (Task t = queue.peek(); t != null; ) {
      Task next = t.next;
      if (t.waitingOn instanceof StreamOp && ((StreamOp) t.waitingOn).handle() == handle) {
        queue.remove(t);
        t.resumeValue = null;
        runner.reschedule(t, null, error);
      }
      t = next;
    }
  }

  /** The last send handle closed: every waiting receiver ends (EndOfStream, or END when iterating). */
  void endReceivers() {
    Task t;
    while ((t = waitingReceivers.poll()) != null) {
      boolean iterating = t.waitingOn instanceof StreamOp && ((StreamOp) t.waitingOn).iterating();
      if (iterating) {
        runner.reschedule(t, END, null);
      } else {
        runner.reschedule(t, null,
            new EndOfStreamException("every send handle of this stream is closed and its buffer is empty"));
      }
    }
  }

  /** The last receive handle closed: every waiting sender fails with BrokenResource. */
  void breakSenders() {
    Task t;
    while ((t = waitingSenders.poll()) != null) {
      t.resumeValue = null;
      runner.reschedule(t, null, new BrokenResourceException("every receive handle of this stream is closed"));
    }
  }

  /** Implemented by the operations that park in this state's queues. */
  interface StreamOp {
    Object handle();

    boolean iterating();
  }
}
