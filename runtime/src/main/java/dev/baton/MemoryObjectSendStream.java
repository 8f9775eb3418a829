package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Resource;
import dev.baton.core.Task;
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
public final class MemoryObjectSendStream<T> extends Resource implements ObjectSendStream<T>, AsyncCloseable {
  private final StreamState<T> state;
  /** Reused by {@link #send} while free (not handed out, not holding a blocked send's item). */
  private final SendOp reusable = new SendOp(false);
  private boolean closed;
  /**
   * Sends through this handle, other than {@link #reusable}, parked in the stream's queue of senders
   * (several tasks sending through one handle at once): with {@code reusable}'s phase, tells
   * {@link #close} whether any task is blocked on this handle without walking the queue.
   */
  private int parkedExtras;

  MemoryObjectSendStream(StreamState<T> state) {
    this.state = state;
  }

  /**
   * Sends {@code item}, waiting while the buffer is full and no receiver waits (with buffer 0,
   * until a receiver takes it). Throws {@link ClosedResourceException} if this handle is (or gets)
   * closed, {@link BrokenResourceException} if every receive handle is closed.
   */
  public Awaitable<Void> send(T item) {
    SendOp op = reusable.phase == SendOp.FREE ? reusable : new SendOp(true);
    op.item = item;
    op.phase = SendOp.ARMED;
    return op;
  }

  /**
   * Sends {@code item} without waiting: hands it to the oldest waiting receiver or appends it to the
   * buffer, else throws {@link WouldBlockException}. Never a checkpoint. Checks, in anyio's order:
   * this handle closed ({@link ClosedResourceException}), no receive handle open
   * ({@link BrokenResourceException}), a waiting receiver, buffer space.
   */
  public void sendNowait(T item) {
    state.checkThread("MemoryObjectSendStream.sendNowait()");
    checkOpen();
    if (!state.trySend(item)) {
      throw new WouldBlockException("the stream's buffer is full and no receiver is waiting");
    }
  }

  /** A new send handle on the same stream; the stream ends only when all of them are closed. */
  @Override
  public MemoryObjectSendStream<T> clone() {
    state.checkThread("MemoryObjectSendStream.clone()");
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
    state.checkThread("MemoryObjectSendStream.close()");
    if (closed) {
      return;
    }
    closed = true;
    if (reusable.phase == SendOp.PARKED || parkedExtras > 0) { // else no walk of the stream's waiting senders (a fan-in closes a handle per producer)
      state.wakeBlockedOn(state.waitingSenders, this, "the send handle was closed while sending");
    }
    if (--state.openSend == 0 && state.loop != null) {
      state.endReceivers();
    }
  }

  /** {@code try (@Await var s = ...)}: closes synchronously (not a checkpoint), like anyio's aclose. */
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

  @Override
  public String toString() {
    return "MemoryObjectSendStream@" + Integer.toHexString(System.identityHashCode(this)) + (closed ? "[closed]" : "");
  }

  private void checkOpen() {
    if (closed) {
      throw new ClosedResourceException("this send handle is closed");
    }
  }

  /**
   * One send: handed out by {@link #send} (ARMED), consumed when its await begins; while the sender
   * is blocked (PARKED) it holds the item, until a receiver takes it, the send is aborted or the
   * handle closes. Awaiting the same send awaitable twice throws.
   */
  private final class SendOp extends RuntimeOperation<Void> implements StreamState.StreamOp {
    static final byte FREE = 0;
    static final byte ARMED = 1;
    static final byte PARKED = 2;

    private T item;
    private byte phase = FREE;

    /** Not {@link #reusable}: counted in {@link #parkedExtras} while parked. */
    private final boolean extra;

    SendOp(boolean extra) {
      super(SITE_SEND);
      this.extra = extra;
    }

    @Override
    protected Object begin(Task task, Loop loop) {
      StreamState<T> st = state;
      if (phase != ARMED || task.cancelled() || closed || st.loop != loop || st.openReceive == 0) {
        return beginChecked(task, loop);
      }
      // The common case: armed, not cancelled, open, bound to this loop, a receive handle open.
      T item = takeItem();
      Task receiver = st.waitingReceivers.poll();
      if (receiver != null) {
        loop.resume(receiver, item);
        return loop.yieldWith(task, null);
      }
      return sendOrPark(task, loop, item);
    }

    /** The send with every check, in anyio's order (the rare cases: each may throw). */
    private Object beginChecked(Task task, Loop loop) {
      if (phase != ARMED) {
        throw new IllegalStateException("the awaitable returned by send() was already awaited; call send() again");
      }
      T item = takeItem();
      if (task.cancelled()) {
        throw task.newCancelled();
      }
      checkOpen();
      state.bind(loop);
      if (state.trySend(item)) {
        return loop.yieldWith(task, null);
      }
      return park(task, loop, item);
    }

    /** No receiver waits (and a receive handle is open): buffer the item if there is room, else park with it. */
    private Object sendOrPark(Task task, Loop loop, T item) {
      if (state.tryBuffer(item)) {
        return loop.yieldWith(task, null);
      }
      return park(task, loop, item);
    }

    private Object park(Task task, Loop loop, T item) {
      this.item = item;
      phase = PARKED;
      if (extra) {
        parkedExtras++;
      }
      state.waitingSenders.add(task);
      return loop.parkUncancelled(task, this); // both callers checked
    }

    @Override
    protected boolean abort(Task task, Loop loop) {
      state.waitingSenders.remove(task);
      takeItem();
      return true;
    }

    @Override
    public T takeItem() {
      if (extra && phase == PARKED) { // a parked send leaves the queue (every way out takes its item)
        parkedExtras--;
      }
      T i = item;
      item = null;
      phase = FREE;
      return i;
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
    public String describe(double now) {
      return "send";
    }

    @Override
    public dev.baton.core.Waitable waitsOn() {
      return state;
    }

    @Override
    public String toString() {
      return "send on " + MemoryObjectSendStream.this + " " + state.statistics();
    }
  }
}
