package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;

/**
 * The receiving half of an in-memory byte stream ({@link Baton#createMemoryByteStream(int)}): the
 * {@link ByteReceiveStream} contract. {@link #receive(int)} returns what is buffered, up to
 * {@code maxBytes}, waiting while nothing is; a cancelled receive consumed nothing. Closing it makes
 * the sender's {@code send} throw {@link BrokenResourceException} and drops the buffered bytes. One task
 * receives at a time ({@link BusyResourceException}).
 *
 * <p>{@code for (@Await byte[] chunk : stream)} in an {@code @Async} method receives chunks (of at most
 * {@link #DEFAULT_MAX_BYTES}) until the end of the stream; {@code try (@Await var s = ...)} closes it
 * on exit (synchronously). {@link #iterator()} itself throws: it exists so that the form type-checks.
 */
public final class MemoryByteReceiveStream extends ReceiveResource<byte[]> implements ByteReceiveStream {
  private final ByteStreamState state;

  MemoryByteReceiveStream(ByteStreamState state) {
    super("byte[] chunk");
    this.state = state;
  }

  @Override
  public Awaitable<byte[]> receive(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be a positive integer, not " + maxBytes);
    }
    return new ReceiveOp(maxBytes, false);
  }

  /**
   * Closes the receiving half: synchronous, idempotent, never a checkpoint. A task blocked in
   * {@code receive} gets {@link ClosedResourceException}; one blocked in {@code send} gets
   * {@link BrokenResourceException}.
   */
  @Override
  public void close() {
    state.checkThread("MemoryByteReceiveStream.close()");
    if (state.receiveClosed) {
      return;
    }
    state.receiveClosed = true;
    state.failReceiver(new ClosedResourceException("the byte stream's receive half was closed while receiving"));
    state.failSender(new BrokenResourceException("the byte stream's receive half was closed"));
    state.discard();
  }

  public boolean isClosed() {
    return state.receiveClosed;
  }

  /** One step of async iteration: the next chunk, or the end marker. */
  @Override
  protected Object next() {
    return new ReceiveOp(DEFAULT_MAX_BYTES, true);
  }

  @Override
  public String toString() {
    return "MemoryByteReceiveStream[buffered=" + state.count + "/" + state.ring.length + (state.receiveClosed ? ", closed" : "") + "]";
  }

  private final class ReceiveOp extends RuntimeOperation<byte[]> {
    private final int maxBytes;
    private final boolean iterating;

    ReceiveOp(int maxBytes, boolean iterating) {
      super(SITE_RECEIVE);
      this.maxBytes = maxBytes;
      this.iterating = iterating;
    }

    @Override
    protected Object begin(Task task, Loop loop) {
      if (task.cancelled()) {
        throw task.newCancelled();
      }
      if (state.receiveClosed) {
        throw new ClosedResourceException("the byte stream's receive half is closed");
      }
      if (state.receiver != null) {
        throw new BusyResourceException("another task is already reading from this byte stream");
      }
      state.bind(loop);
      if (state.count > 0) {
        return loop.yieldWith(task, state.take(maxBytes));
      }
      if (state.eof) {
        if (iterating) {
          return loop.yieldWith(task, StreamState.END);
        }
        throw new EndOfStreamException("the sending side of the byte stream was closed");
      }
      state.receiver = task;
      state.receiverMax = maxBytes;
      state.receiverIterating = iterating;
      return loop.park(task, this);
    }

    @Override
    protected boolean abort(Task task, Loop loop) {
      state.receiver = null;
      return true;
    }

    @Override
    public String describe(double now) {
      return "receive";
    }

    @Override
    public dev.baton.core.Waitable waitsOn() {
      return state;
    }

    @Override
    public String toString() {
      return "receive on " + MemoryByteReceiveStream.this;
    }
  }
}
