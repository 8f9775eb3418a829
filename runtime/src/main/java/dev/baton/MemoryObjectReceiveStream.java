package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Resource;
import dev.baton.core.Task;
import dev.baton.lowlevel.AsyncCloseable;
import dev.baton.lowlevel.AsyncIterable;
import java.util.Iterator;

/**
 * The receiving half of a memory object stream (anyio's {@code MemoryObjectReceiveStream}).
 *
 * <p>Receive clones share one queue: each item goes to exactly one receiver, the one that has
 * waited longest. {@link #receive()} is always a checkpoint and atomic under cancellation: if it
 * throws {@link Cancelled} nothing was consumed.
 *
 * <p>Async iteration, {@code for (@Await T item : receiveStream)} in an {@code @Async} method,
 * receives until every send handle is closed and the buffer is drained. The class implements
 * {@link Iterable} only so that this form type-checks as Java: {@link #iterator()} itself throws.
 *
 * @param <T> the type of the items
 */
public final class MemoryObjectReceiveStream<T> extends Resource
    implements ObjectReceiveStream<T>, AsyncCloseable, Iterable<T>, AsyncIterable<T> {
  private final StreamState<T> state;
  private final ReceiveOp receive = new ReceiveOp(false);
  private final ReceiveOp next = new ReceiveOp(true);
  private boolean closed;

  MemoryObjectReceiveStream(StreamState<T> state) {
    this.state = state;
  }

  /**
   * Receives the next item, waiting while there is none. Throws {@link EndOfStreamException} once
   * every send handle is closed and the buffer is empty, {@link ClosedResourceException} if this
   * handle is (or gets) closed.
   */
  @SuppressWarnings("unchecked")
  public Awaitable<T> receive() {
    return (Awaitable<T>) (Awaitable<?>) receive;
  }

  /**
   * Receives an item without waiting, else throws {@link WouldBlockException}. Never a checkpoint.
   * Checks, in anyio's order: this handle closed, a blocked sender (whose item joins the tail of
   * the buffer and whose send completes), a buffered item, every sender closed
   * ({@link EndOfStreamException}).
   */
  public T receiveNowait() {
    state.checkThread("MemoryObjectReceiveStream.receiveNowait()");
    checkOpen();
    Object r = state.tryReceive(false);
    if (r == RuntimeOperation.PARKED) {
      throw new WouldBlockException("the stream's buffer is empty and no sender is waiting");
    }
    @SuppressWarnings("unchecked")
    T item = (T) r;
    return item;
  }

  /** A new receive handle on the same stream, sharing its queue. */
  @Override
  public MemoryObjectReceiveStream<T> clone() {
    state.checkThread("MemoryObjectReceiveStream.clone()");
    checkOpen();
    state.openReceive++;
    return new MemoryObjectReceiveStream<>(state);
  }

  /**
   * Closes this handle: synchronous, idempotent, never a checkpoint. Tasks blocked on this handle
   * get {@link ClosedResourceException}; when the last receive handle closes, blocked senders get
   * {@link BrokenResourceException}.
   */
  @Override
  public void close() {
    state.checkThread("MemoryObjectReceiveStream.close()");
    if (closed) {
      return;
    }
    closed = true;
    state.wakeBlockedOn(state.waitingReceivers, this, "the receive handle was closed while receiving");
    if (--state.openReceive == 0 && state.loop != null) {
      state.breakSenders();
    }
  }

  /** {@code try (@Await var r = ...)}: closes synchronously (not a checkpoint). */
  @Override
  protected Object exitAsync(Throwable pending) {
    close();
    return new Checkpoints.Ready<>(pending);
  }

  public MemoryObjectStreamStatistics statistics() {
    return state.statistics();
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * Always throws: a receive stream is iterated asynchronously, with
   * {@code for (@Await T item : stream)} inside an {@code @Async} method.
   */
  @Override
  public Iterator<T> iterator() {
    throw new IllegalStateException("a MemoryObjectReceiveStream is iterated with for (@Await T item : stream) "
        + "inside an @Async method; a plain for loop would block the loop");
  }

  /** One step of async iteration: the next item, or the end marker ({@code AsyncFrame.END}). */
  @Override
  protected Object next() {
    return next;
  }

  @Override
  public String toString() {
    return "MemoryObjectReceiveStream@" + Integer.toHexString(System.identityHashCode(this)) + (closed ? "[closed]" : "");
  }

  private void checkOpen() {
    if (closed) {
      throw new ClosedResourceException("this receive handle is closed");
    }
  }

  private final class ReceiveOp extends RuntimeOperation<Object> implements StreamState.StreamOp {
    private final boolean iterating;

    ReceiveOp(boolean iterating) {
      super(SITE_RECEIVE);
      this.iterating = iterating;
    }

    @Override
    protected Object begin(Task task, Loop loop) {
      if (task.cancelled() || closed || state.loop != loop) {
        if (task.cancelled()) {
          throw task.newCancelled();
        }
        checkOpen();
        state.bind(loop);
      }
      Object item = state.tryReceive(iterating);
      if (item != PARKED) {
        return loop.yieldWith(task, item);
      }
      state.waitingReceivers.add(task);
      return loop.parkUncancelled(task, this); // checked above
    }

    @Override
    protected boolean abort(Task task, Loop loop) {
      state.waitingReceivers.remove(task);
      return true;
    }

    @Override
    public Object takeItem() {
      return null;
    }

    @Override
    public Object handle() {
      return MemoryObjectReceiveStream.this;
    }

    @Override
    public boolean iterating() {
      return iterating;
    }

    @Override
    public String describe(double now) {
      return iterating ? "the next item" : "receive";
    }

    @Override
    public dev.baton.core.Waitable waitsOn() {
      return state;
    }

    @Override
    public String toString() {
      return (iterating ? "the next item of " : "receive on ") + MemoryObjectReceiveStream.this + " " + state.statistics();
    }
  }
}
