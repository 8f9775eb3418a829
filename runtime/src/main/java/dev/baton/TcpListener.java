package dev.baton;

import dev.baton.core.IoPoller;
import dev.baton.core.Loop;
import dev.baton.core.Task;
import dev.baton.lowlevel.AsyncCloseable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.function.Function;

/**
 * A listening TCP socket on the loop (anyio's {@code SocketListener}), made by
 * {@link Baton#createTcpListener(String, int)}: {@link #accept()} waits for the next connection,
 * {@link #serve} runs a handler task per connection.
 *
 * <pre>{@code
 * try (TcpListener listener = createTcpListener("127.0.0.1", 8000)) {
 *   await(listener.serve(stream -> echo(stream)));   // until cancelled
 * }
 * }</pre>
 *
 * <p>Closing is synchronous and idempotent; a task blocked in {@code accept} gets
 * {@link ClosedResourceException}. Connections already accepted stay open. The listener belongs to
 * the loop it was made on.
 */
public final class TcpListener extends ClosedAtOnce implements AsyncCloseable, IoPoller.Handler {
  private final Runner runner;
  private final ServerSocketChannel channel;
  private final SelectionKey key;
  private final InetSocketAddress address;
  private Task acceptor;
  private boolean closed;

  private TcpListener(Runner runner, ServerSocketChannel channel) throws IOException {
    this.runner = runner;
    this.channel = channel;
    this.address = (InetSocketAddress) channel.getLocalAddress();
    this.key = runner.io().register(channel, this);
  }

  /** Binds {@code address} (port 0: an ephemeral port) and listens. */
  static TcpListener bind(Runner runner, InetSocketAddress address, int backlog) {
    ServerSocketChannel ch = null;
    try {
      ch = ServerSocketChannel.open();
      ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      ch.bind(address, backlog);
      ch.configureBlocking(false);
      return new TcpListener(runner, ch);
    } catch (IOException e) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
  }

  /** The address the listener is bound to (with the actual port when port 0 was asked). */
  public InetSocketAddress localAddress() {
    return address;
  }

  /** The port the listener is bound to. */
  public int localPort() {
    return address.getPort();
  }

  /**
   * Waits for the next connection and returns it as a {@link SocketStream}, which the caller owns
   * (and must close). Always a checkpoint; a cancelled accept accepted nothing. One task accepts at a
   * time ({@link BusyResourceException} otherwise).
   */
  public Awaitable<SocketStream> accept() {
    return new AcceptOp();
  }

  /**
   * Accepts connections forever, running {@code handler} on each in a task of a task group of its
   * own; returns only when cancelled (or when a handler fails, which, as in any task group, cancels
   * the others and the accepting, then throws an {@link ExceptionGroup}). An accept the kernel
   * refuses (out of file descriptors, say) is tried again 0.1 s later, as trio's
   * {@code serve_listeners} does, rather than stopping the server. Each connection is closed
   * when its handler ends, however it ends. Handlers that may meet a reset peer should catch
   * {@link BrokenResourceException} themselves, so that one bad client does not stop the server.
   */
  public Coroutine<Void> serve(Function<? super SocketStream, ? extends Coroutine<?>> handler) {
    Objects.requireNonNull(handler, "handler == null");
    return new Serve(this, handler);
  }

  private final class AcceptOp extends RuntimeOperation<SocketStream> {
    @Override
    protected Object begin(Task task, Loop loop) {
      if (task.cancelled()) {
        throw task.newCancelled();
      }
      checkOpen();
      if (acceptor != null) {
        throw new BusyResourceException("another task is already accepting on this listener");
      }
      SocketStream s = tryAccept();
      if (s != null) {
        return loop.yieldWith(task, s);
      }
      acceptor = task;
      runner.io().want(key, SelectionKey.OP_ACCEPT);
      runner.io().parked(1);
      return loop.park(task, this);
    }

    @Override
    protected boolean abort(Task task, Loop loop) {
      stopAccepting();
      return true;
    }

    @Override
    public String toString() {
      return "accept on " + TcpListener.this;
    }
  }

  /** A new connection, or null if none is waiting. */
  private SocketStream tryAccept() {
    SocketChannel c;
    try {
      c = channel.accept();
    } catch (IOException e) {
      throw new BrokenResourceException("accepting a connection failed: " + e.getMessage(), e);
    }
    if (c == null) {
      return null;
    }
    try {
      return SocketStream.open(runner, c);
    } catch (IOException e) {
      try {
        c.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new BrokenResourceException("setting up an accepted connection failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void ready(int readyOps) {
    Task t = acceptor;
    if (t == null) {
      runner.io().unwant(key, SelectionKey.OP_ACCEPT); // nobody accepts now: the interest was kept lazily
      return;
    }
    SocketStream s;
    try {
      s = tryAccept();
    } catch (BrokenResourceException e) {
      stopAccepting();
      runner.fail(t, e);
      return;
    }
    if (s != null) {
      stopAccepting();
      runner.resume(t, s);
    }
  }

  /** The acceptor stops waiting; the accept interest stays until readiness finds nobody (lazily). */
  private void stopAccepting() {
    acceptor = null;
    runner.io().parked(-1);
  }

  private void checkOpen() {
    if (closed) {
      throw new ClosedResourceException("this listener is closed");
    }
  }

  /** Stops listening: synchronous, idempotent, never a checkpoint. A blocked accept gets {@link ClosedResourceException}. */
  @Override
  public void close() {
    runner.checkInLoopThread("TcpListener.close()");
    if (closed) {
      return;
    }
    closed = true;
    Task t = acceptor;
    if (t != null) {
      stopAccepting();
      runner.fail(t, new ClosedResourceException("the listener was closed while accepting"));
    }
    runner.io().close(key);
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "TcpListener[" + address + (closed ? ", closed" : "") + "]";
  }

  /**
   * {@link #serve}: {@code try (@Await TaskGroup tg = createTaskGroup()) { for (;;) tg.startSoon(
   * handle(await(accept()))); }}, written by hand.
   */
  private static final class Serve extends Coroutine<Void> {
    private static final double ACCEPT_RETRY_SECONDS = 0.1;

    private final TcpListener listener;
    private final Function<? super SocketStream, ? extends Coroutine<?>> handler;
    private TaskGroup group;
    private int state;

    Serve(TcpListener listener, Function<? super SocketStream, ? extends Coroutine<?>> handler) {
      this.listener = listener;
      this.handler = handler;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch (state) {
        case 0:
          group = Baton.createTaskGroup();
          state = 1;
          return listener.accept();
        case 1:
          if ($error instanceof BrokenResourceException) {
            state = 3; // the kernel refused an accept (out of descriptors, say): try again soon, as trio does
            return Baton.sleep(ACCEPT_RETRY_SECONDS);
          }
          if ($error != null) {
            state = 2;
            return group.exitAsync($error);
          }
          SocketStream s = (SocketStream) $value;
          group.startSoon(new Handle(s, handler), "connection " + s.remoteAddress());
          return listener.accept();
        case 3:
          if ($error != null) {
            state = 2;
            return group.exitAsync($error);
          }
          state = 1;
          return listener.accept();
        default:
          Checkpoints.rethrowExit($value, $error);
          return $complete(null);
      }
    }
  }

  /** One connection's task: runs the handler, then closes the stream however the handler ended. */
  private static final class Handle extends Coroutine<Void> {
    private final SocketStream stream;
    private final Function<? super SocketStream, ? extends Coroutine<?>> handler;
    private boolean started;

    Handle(SocketStream stream, Function<? super SocketStream, ? extends Coroutine<?>> handler) {
      this.stream = stream;
      this.handler = handler;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      if (!started) {
        started = true;
        Coroutine<?> body;
        try {
          body = Objects.requireNonNull(handler.apply(stream), "the handler returned null");
        } catch (Throwable t) {
          stream.close();
          throw t;
        }
        return body;
      }
      stream.close();
      if ($error != null) {
        throw $error;
      }
      return $complete(null);
    }
  }
}
