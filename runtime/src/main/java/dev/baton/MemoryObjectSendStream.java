package dev.baton;

import dev.baton.lowlevel.AsyncCloseable;

/**
 * The sending half of a memory object stream (anyio's {@code MemoryObjectSendStream}).
 *
 * <p>Each handle (the original and every {@link #clone()}) is closed on its own; receivers see the
 * end of the stream only when every send handle is closed and the buffer is drained.
 * {@link #send(Object)} is always a checkpoint and atomic under cancellation: if it throws
 * {@link Cancelled} the item was not delivered; if it returns, it was.
 *
 * @param <T> the type of the items
 */
public final class MemoryObjectSendStream<T> implements AutoCloseable, AsyncCloseable {
  private final StreamState<T> state;
  /** Reused by {@link #send} while free: a send awaitable is consumed when its await begins. */
  private final SendOp reusable = new SendOp(null, false);
  private boolean closed;

  MemoryObjectSendStream(StreamState<T> state) {
    this.state = state;
  }

  /**
   * Sends {@code item}, waiting while the buffer is full and no receiver waits (with buffer 0,
   * until a receiver takes it). Throws {@link ClosedResourceException} if this handle is (or gets)
   * closed, {@link BrokenResourceException} if every receive handle is closed.
   */
  public Awaitable<Void> send(T item) {
    SendOp op = reusable;
    if (op.armed) {
      return new SendOp(item, true);
    }
    op.item = item;
    op.armed = true;
    return op;
  }

  /**
   * Sends {@code item} without waiting: hands it to the oldest waiting receiver or appends it to the
   * buffer, else throws {@link WouldBlockException}. Never a checkpoint. Checks, in anyio's order:
   * this handle closed ({@link ClosedResourceException}), no receive handle open
   * ({@link BrokenResourceException}), a waiting receiver, buffer space.
   */
  public void sendNowait(T item) {
    checkOpen();
    if (!state.trySend(item)) {
      throw new WouldBlockException("the stream's buffer is full and no receiver is waiting");
    }
  }

  /** A new send handle on the same stream; the stream ends only when all of them are closed. */
  @Override
  public MemoryObjectSendStream<T> clone() {
    checkOpen();
    state.openSend++;
    return new MemoryObjectSendStream<>(state);
  }

  /**
   * Closes this handle: synchronous, idempotent, never a checkpoint. Tasks blocked in {@code send}
   * on this handle get {@link ClosedResourceException} and their items are withdrawn; when the last
   * send handle closes, waiting receivers see the end of the stream.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    state.wakeBlockedOn(state.waitingSenders, this, new ClosedResourceException("the send handle was closed while sending"));
    if (--state.openSend == 0 && state.runner != null) {
      state.endReceivers();
    }
  }

  /** {@code try (@Await var s = ...)}: closes synchronously (not a checkpoint), like anyio's aclose. */
  @Override
  public Awaitable<Throwable> $aexit(Throwable pending) {
    close();
    return new Baton.Ready<>(pending);
  }

  public MemoryObjectStreamStatistics statistics() {
    return state.statistics();
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "MemoryObjectSendStream@" + Integer.toHexString(System.identityHashCode(this)) + (closed ? "[closed]" : "");
  }

  private void checkOpen() {
    if (closed) {
      throw new ClosedResourceException("this send handle is closed");
    }
  }

  /** One send; single-use: awaiting the same send awaitable twice throws. */
  private final class SendOp extends Operation<Void> implements StreamState.StreamOp {
    private T item;
    private boolean armed;

    SendOp(T item, boolean armed) {
      this.item = item;
      this.armed = armed;
    }

    @Override
    Object begin(Task task, Runner r) {
      if (!armed) {
        throw new IllegalStateException("the awaitable returned by send() was already awaited; call send() again");
      }
      T item = this.item;
      this.item = null;
      this.armed = false;
      if (task.isEffectivelyCancelled()) {
        throw r.newCancelled(task);
      }
      checkOpen();
      state.bind(r);
      if (state.trySend(item)) {
        return r.yieldWith(task, null);
      }
      task.resumeValue = item;
      state.waitingSenders.add(task);
      return r.park(task, this);
    }

    @Override
    boolean abort(Task task, Runner r) {
      state.waitingSenders.remove(task);
      task.resumeValue = null;
      return true;
    }

    @Override
    public Object handle() {
      return MemoryObjectSendStream.this;
    }

    @Override
    public boolean iterating() {
      return false;
    }

    @Override
    public String toString() {
      return "send on " + MemoryObjectSendStream.this + " " + state.statistics();
    }
  }
}
