package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;

/**
 * The sending half of an in-memory byte stream ({@link Baton#createMemoryByteStream(int)}): the
 * {@link ByteSendStream} contract over a bounded buffer. {@link #send(byte[])} copies as much as fits
 * and waits while the buffer is full, so a slow receiver slows the sender down. A send cancelled after
 * part of its data was buffered breaks the stream (later sends throw {@link BrokenResourceException});
 * the part stays buffered for the receiver. One task sends at a time ({@link BusyResourceException}).
 */
public final class MemoryByteSendStream implements ByteSendStream {
  private final ByteStreamState state;
  private final SendEofOp sendEof = new SendEofOp();

  MemoryByteSendStream(ByteStreamState state) {
    this.state = state;
  }

  @Override
  public Awaitable<Void> send(byte[] data) {
    return new SendOp(java.util.Objects.requireNonNull(data, "data == null"));
  }

  @Override
  public Awaitable<Void> sendEof() {
    return sendEof;
  }

  /**
   * Closes the sending half: synchronous, idempotent, never a checkpoint. The receiver gets the bytes
   * already buffered, then the end of the stream; a task blocked in {@code send} gets
   * {@link ClosedResourceException} (the part of its data not yet buffered is dropped).
   */
  @Override
  public void close() {
    state.checkThread("MemoryByteSendStream.close()");
    if (state.sendClosed) {
      return;
    }
    state.sendClosed = true;
    state.eof = true;
    state.failSender(new ClosedResourceException("the byte stream's send half was closed while sending"));
    if (state.count == 0) {
      state.endReceiver();
    }
  }

  public boolean isClosed() {
    return state.sendClosed;
  }

  /** The number of bytes buffered, not yet received. */
  public int bufferedBytes() {
    return state.count;
  }

  @Override
  public String toString() {
    return "MemoryByteSendStream[buffered=" + state.count + "/" + state.ring.length + (state.sendClosed ? ", closed" : state.eof ? ", eof sent" : "") + "]";
  }

  /** The checks every send makes, in order. */
  private void checkSendable() {
    if (state.sendClosed) {
      throw new ClosedResourceException("the byte stream's send half is closed");
    }
    if (state.eof) {
      throw new ClosedResourceException("sendEof() was called: the byte stream's send half is shut down");
    }
    if (state.receiveClosed) {
      throw new BrokenResourceException("the byte stream's receive half is closed");
    }
    if (state.broken) {
      throw new BrokenResourceException("an earlier send was cancelled part-way: the receiver cannot know where its data stopped");
    }
    if (state.sender != null) {
      throw new BusyResourceException("another task is already writing to this byte stream");
    }
  }

  private final class SendOp extends RuntimeOperation<Void> {
    private final byte[] data;

    SendOp(byte[] data) {
      super(SITE_SEND);
      this.data = data;
    }

    @Override
    protected Object begin(Task task, Loop loop) {
      if (task.cancelled()) {
        throw task.newCancelled();
      }
      checkSendable();
      state.bind(loop);
      int offset = state.fill(data, 0);
      if (state.receiver != null) {
        state.feedReceiver(); // the receiver's chunk frees room: fill it, so a sender waits only on a full buffer
        offset = state.fill(data, offset);
      }
      if (offset == data.length) {
        return loop.yieldWith(task, null);
      }
      state.sender = task;
      state.pending = data;
      state.pendingOffset = offset;
      return loop.park(task, this);
    }

    @Override
    protected boolean abort(Task task, Loop loop) {
      if (state.pendingOffset > 0) {
        state.broken = true;
      }
      state.clearSender();
      return true;
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
      return "send on " + MemoryByteSendStream.this;
    }
  }

  private final class SendEofOp extends RuntimeOperation<Void> {
    @Override
    protected Object begin(Task task, Loop loop) {
      if (task.cancelled()) {
        throw task.newCancelled();
      }
      if (state.sendClosed) {
        throw new ClosedResourceException("the byte stream's send half is closed");
      }
      if (!state.eof) {
        if (state.sender != null) {
          throw new BusyResourceException("another task is writing to this byte stream");
        }
        state.bind(loop);
        state.eof = true;
        if (state.count == 0) {
          state.endReceiver();
        }
      }
      return loop.yieldWith(task, null);
    }

    @Override
    public String describe(double now) {
      return "sendEof";
    }

    @Override
    public dev.baton.core.Waitable waitsOn() {
      return state;
    }

    @Override
    public String toString() {
      return "sendEof on " + MemoryByteSendStream.this;
    }
  }
}
