package dev.baton;

import dev.baton.core.IoPoller;
import dev.baton.core.Loop;
import dev.baton.core.Task;
import dev.baton.lowlevel.AsyncCloseable;
import dev.baton.lowlevel.AsyncIterable;
import java.util.Iterator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A TCP connection on the loop (anyio's {@code SocketStream}): a {@link ByteStream} over a kernel
 * socket, driven by the loop's selector. No thread per connection: a task waiting to receive or to
 * send is parked, and the loop's idle wait selects on every waiting socket at once.
 *
 * <p>Made by {@link Baton#connectTcp(String, int)} and by {@link TcpListener#accept()}. Both sides
 * have {@code TCP_NODELAY} set.
 *
 * <ul>
 *   <li>{@link #receive(int)} returns whatever has arrived, 1 to {@code maxBytes} bytes. It is
 *       always a checkpoint; when it throws {@link Cancelled} no byte was consumed: the bytes are
 *       read from the kernel only when they are handed to the task, and a task that has been
 *       handed its bytes keeps them even if it is cancelled at that moment. End of stream (the
 *       peer closed or half-closed) is {@link EndOfStreamException}.</li>
 *   <li>{@link #send(byte[])} returns once the kernel has taken every byte. There is no user-space
 *       write buffer beyond the array being sent: a slow reader fills the kernel's buffers and the
 *       sending task waits (backpressure), so a server's memory stays bounded by what its tasks
 *       hold. A send cancelled before the kernel took any byte sent nothing and the stream stays
 *       usable; one cancelled after part of its bytes left breaks the sending side: later sends
 *       throw {@link BrokenResourceException} saying so.</li>
 *   <li>{@link #sendEof()} half-closes ({@code shutdownOutput}): the peer sees the end of the
 *       stream, this side can still receive.</li>
 *   <li>A connection reset by the peer (or any other I/O error) is {@link BrokenResourceException}
 *       with the {@link IOException} as its cause. After {@link #close()}, every operation throws
 *       {@link ClosedResourceException}; tasks blocked in it when it closes get it too.</li>
 *   <li>One task receives and one task sends at a time; a second concurrent receive (or send)
 *       throws {@link BusyResourceException}. Receiving and sending at the same time from two tasks
 *       is fine (and is how a full-duplex protocol is written).</li>
 *   <li>The stream belongs to the loop it was made on: its methods called from another thread throw
 *       {@link IllegalStateException}.</li>
 * </ul>
 *
 * <p>{@code for (@Await byte[] chunk : stream)} in an {@code @Async} method receives chunks until
 * the end of the stream.
 *
 * <p>Use it as a resource: {@code try (SocketStream s = await(connectTcp(host, port))) {...}}
 * (closing is synchronous), or {@code try (@Await SocketStream s = ...)}.
 */
public final class SocketStream extends ClosedAtOnce
    implements ByteStream, AsyncCloseable, Iterable<byte[]>, AsyncIterable<byte[]>, IoPoller.Handler {
  private static final Object END = dev.baton.core.Resources.END;

  private final Runner runner;
  private final SocketChannel channel;
  private final SelectionKey key;
  private Task reader;
  private int readMax;
  /** The waiting receive is a step of async iteration: the end of the stream is a value, not an exception. */
  private boolean readIterating;
  /**
   * The kernel may hold bytes to read: the last read filled its buffer, or readiness came while no
   * task was receiving. When false, a receive parks without trying a read that would find nothing
   * (the selector is level-triggered: bytes that arrive meanwhile wake it).
   */
  private boolean maybeReadable = true;
  private Task writer;
  private ByteBuffer pendingWrite;
  private boolean closed;
  private boolean eofSent;
  private boolean eofReceived;
  private BrokenResourceException receiveBroken;
  private BrokenResourceException sendBroken;

  /** Wraps a connected, non-blocking channel. */
  SocketStream(Runner runner, SocketChannel channel, SelectionKey key) {
    this.runner = runner;
    this.channel = channel;
    this.key = key;
    key.attach(this);
  }

  /** Wraps a channel just accepted or connected: non-blocking, {@code TCP_NODELAY}, registered. */
  static SocketStream open(Runner runner, SocketChannel channel) throws IOException {
    channel.configureBlocking(false);
    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    return new SocketStream(runner, channel, runner.io().register(channel, null));
  }

  /** The local address of the connection. */
  public InetSocketAddress localAddress() {
    try {
      return (InetSocketAddress) channel.getLocalAddress();
    } catch (IOException e) {
      throw closedOr(e);
    }
  }

  /** The peer's address. */
  public InetSocketAddress remoteAddress() {
    try {
      return (InetSocketAddress) channel.getRemoteAddress();
    } catch (IOException e) {
      throw closedOr(e);
    }
  }

  private RuntimeException closedOr(IOException e) {
    return closed ? new ClosedResourceException("this socket stream is closed") : new BrokenResourceException(e.getMessage(), e);
  }

  // ---------------------------------------------------------------------------------------------
  // Receiving

  @Override
  public Awaitable<byte[]> receive(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    return new ReceiveOp(maxBytes, false);
  }

  /** One step of async iteration: the next chunk, or the end marker at the end of the stream. */
  @Override
  protected Object next() {
    return new ReceiveOp(DEFAULT_MAX_BYTES, true);
  }

  /**
   * Always throws: a socket stream is iterated asynchronously, with
   * {@code for (@Await byte[] chunk : stream)} inside an {@code @Async} method.
   */
  @Override
  public Iterator<byte[]> iterator() {
    throw new IllegalStateException("a SocketStream is iterated with for (@Await byte[] chunk : stream) "
        + "inside an @Async method; a plain for loop would block the loop");
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
      checkUsable();
      if (reader != null) {
        throw new BusyResourceException("another task is already receiving from this socket stream");
      }
      if (receiveBroken != null) {
        throw again(receiveBroken);
      }
      byte[] chunk;
      try {
        chunk = eofReceived || !maybeReadable ? null : read(maxBytes);
      } catch (IOException e) {
        throw brokenReceive(e);
      } catch (EndOfStreamException e) {
        chunk = null;
      }
      if (eofReceived) {
        if (iterating) {
          return loop.yieldWith(task, END);
        }
        throw endOfStream();
      }
      if (chunk != null) {
        return loop.yieldWith(task, chunk); // a schedule point; the bytes are the task's now
      }
      reader = task;
      readMax = maxBytes;
      readIterating = iterating;
      runner.io().want(key, SelectionKey.OP_READ);
      runner.io().parked(1);
      return loop.park(task, this);
    }

    @Override
    protected boolean abort(Task task, Loop loop) {
      stopReading();
      return true; // nothing was read: the bytes wait in the kernel for the next receive
    }

    @Override
    public String toString() {
      return "receive on " + SocketStream.this;
    }
  }

  /** Reads a chunk: the bytes, null if none is available; end of stream throws. */
  private byte[] read(int max) throws IOException {
    ByteBuffer buf = runner.io().readBuffer(max);
    int n = channel.read(buf);
    maybeReadable = n == buf.limit();
    if (n == 0) {
      return null;
    }
    if (n < 0) {
      eofReceived = true;
      throw endOfStream();
    }
    byte[] chunk = new byte[n];
    buf.flip();
    buf.get(chunk);
    return chunk;
  }

  private void readReady() {
    Task t = reader;
    try {
      byte[] chunk = read(readMax);
      if (chunk == null) {
        return; // nothing after all: keep waiting
      }
      stopReading();
      runner.resume(t, chunk);
    } catch (EndOfStreamException e) {
      boolean iterating = readIterating;
      stopReading();
      if (iterating) {
        runner.resume(t, END);
      } else {
        runner.fail(t, e);
      }
    } catch (IOException e) {
      stopReading();
      runner.fail(t, brokenReceive(e));
    }
  }

  /** The reader stops waiting; the read interest stays until readiness finds no reader (lazily). */
  private void stopReading() {
    reader = null;
    runner.io().parked(-1);
  }

  /** A new exception saying what {@code broken} said (each throw gets its own stack trace and suppressions). */
  private static BrokenResourceException again(BrokenResourceException broken) {
    return new BrokenResourceException(broken.getMessage(), broken.getCause());
  }

  private static EndOfStreamException endOfStream() {
    return new EndOfStreamException("the peer closed its sending side of the connection");
  }

  private BrokenResourceException brokenReceive(IOException e) {
    receiveBroken = new BrokenResourceException("the connection is broken: " + e.getMessage(), e);
    return receiveBroken;
  }

  // ---------------------------------------------------------------------------------------------
  // Sending

  @Override
  public Awaitable<Void> send(byte[] data) {
    return new SendOp(ByteBuffer.wrap(data));
  }

  @Override
  public Awaitable<Void> send(ByteBuffer data) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    return send(bytes);
  }

  private final class SendOp extends RuntimeOperation<Void> {
    private final ByteBuffer data;
    private boolean begun;

    SendOp(ByteBuffer data) {
      super(SITE_SEND);
      this.data = data;
    }

    @Override
    protected Object begin(Task task, Loop loop) {
      if (begun) {
        throw new IllegalStateException("the awaitable returned by send() was already awaited; call send() again");
      }
      begun = true;
      if (task.cancelled()) {
        throw task.newCancelled();
      }
      checkCanSend();
      if (writer != null) {
        throw new BusyResourceException("another task is already sending on this socket stream");
      }
      try {
        while (data.hasRemaining() && channel.write(data) > 0) {
          // the kernel takes what fits
        }
      } catch (IOException e) {
        throw brokenSend(e);
      }
      if (!data.hasRemaining()) {
        return loop.yieldWith(task, null);
      }
      writer = task;
      pendingWrite = data;
      runner.io().addBufferedSendBytes(data.remaining());
      runner.io().want(key, SelectionKey.OP_WRITE);
      runner.io().parked(1);
      return loop.park(task, this);
    }

    @Override
    protected boolean abort(Task task, Loop loop) {
      if (data.position() > 0) {
        sendBroken = new BrokenResourceException("a send on this socket stream was cancelled after writing "
            + data.position() + " of its " + data.limit() + " bytes: the peer cannot know where the data stopped, "
            + "so the stream cannot send any more");
      }
      stopWriting();
      return true;
    }

    @Override
    public String toString() {
      return "send on " + SocketStream.this + " (" + data.remaining() + " bytes left)";
    }
  }

  private void writeReady() {
    Task t = writer;
    ByteBuffer data = pendingWrite;
    int before = data.remaining();
    try {
      while (data.hasRemaining() && channel.write(data) > 0) {
        // the kernel takes what fits
      }
    } catch (IOException e) {
      stopWriting();
      runner.fail(t, brokenSend(e));
      return;
    }
    runner.io().addBufferedSendBytes(data.remaining() - before);
    if (!data.hasRemaining()) {
      stopWriting();
      runner.resume(t, null);
    }
  }

  private void stopWriting() {
    if (pendingWrite != null) {
      runner.io().addBufferedSendBytes(-pendingWrite.remaining());
      pendingWrite = null;
    }
    writer = null;
    runner.io().parked(-1);
    runner.io().unwant(key, SelectionKey.OP_WRITE); // a full kernel buffer is rare: no lazy interest here
  }

  private BrokenResourceException brokenSend(IOException e) {
    sendBroken = new BrokenResourceException("the connection is broken: " + e.getMessage(), e);
    return sendBroken;
  }

  private void checkCanSend() {
    checkUsable();
    if (eofSent) {
      throw new ClosedResourceException("this socket stream's sending side was closed by sendEof()");
    }
    if (sendBroken != null) {
      throw again(sendBroken);
    }
  }

  /**
   * Half-closes the connection: the peer receives every byte sent before, then the end of the
   * stream; this side can still receive. Idempotent. A checkpoint.
   */
  @Override
  public Awaitable<Void> sendEof() {
    return new SendEofOp();
  }

  private final class SendEofOp extends RuntimeOperation<Void> {
    @Override
    protected Object begin(Task task, Loop loop) {
      if (task.cancelled()) {
        throw task.newCancelled();
      }
      checkUsable();
      if (writer != null) {
        throw new BusyResourceException("another task is sending on this socket stream");
      }
      if (!eofSent) {
        eofSent = true;
        try {
          channel.shutdownOutput();
        } catch (IOException e) {
          throw brokenSend(e);
        }
      }
      return loop.yieldWith(task, null);
    }

    @Override
    public String toString() {
      return "sendEof on " + SocketStream.this;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Readiness, closing

  @Override
  public void ready(int readyOps) {
    if ((readyOps & SelectionKey.OP_READ) != 0) {
      if (reader != null) {
        readReady();
      } else {
        maybeReadable = true; // bytes for the next receive: stop selecting for them meanwhile
        runner.io().unwant(key, SelectionKey.OP_READ);
      }
    }
    if ((readyOps & SelectionKey.OP_WRITE) != 0 && writer != null && !closed) {
      writeReady();
    }
  }

  /**
   * Closes the connection: synchronous, idempotent, never a checkpoint. Tasks blocked receiving or
   * sending on it get {@link ClosedResourceException}.
   */
  @Override
  public void close() {
    runner.checkInLoopThread("SocketStream.close()");
    if (closed) {
      return;
    }
    closed = true;
    Task r = reader;
    Task w = writer;
    if (r != null) {
      stopReading();
      runner.fail(r, new ClosedResourceException("the socket stream was closed while receiving"));
    }
    if (w != null) {
      stopWriting();
      runner.fail(w, new ClosedResourceException("the socket stream was closed while sending"));
    }
    runner.io().close(key);
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  private void checkUsable() {
    if (closed) {
      throw new ClosedResourceException("this socket stream is closed");
    }
  }

  @Override
  public String toString() {
    String where;
    try {
      where = channel.getLocalAddress() + " -> " + channel.getRemoteAddress();
    } catch (IOException | RuntimeException e) {
      where = "closed";
    }
    return "SocketStream[" + where + "]";
  }
}
