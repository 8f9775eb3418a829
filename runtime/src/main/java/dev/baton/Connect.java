package dev.baton;

import dev.baton.core.IoPoller;
import dev.baton.core.Loop;
import dev.baton.core.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * {@link Baton#connectTcp}: resolve (in a worker thread unless the host is a literal address), then
 * try each address in turn; the first connection wins. All failing: the first failure, the others
 * suppressed on it, wrapped in {@link UncheckedIOException}.
 */
final class Connect extends Coroutine<SocketStream> {
  private final String host;
  private final int port;
  private InetAddress[] addresses;
  private int next;
  private IOException failure;
  private int state;

  Connect(String host, int port) {
    this.host = host;
    this.port = port;
  }

  @Override
  protected Object $step(Object $value, Throwable $error) throws Throwable {
    switch (state) {
      case 0:
        state = 1;
        if (isLiteral(host)) {
          $value = InetAddress.getAllByName(host); // no lookup for a literal
          break;
        }
        return Baton.runInThread(() -> InetAddress.getAllByName(host));
      case 1:
        break;
      default:
        if ($error == null) {
          return $complete((SocketStream) $value);
        }
        if (!(($error instanceof UncheckedIOException) && $error.getCause() == failure)) {
          throw $error; // cancelled, or not a connection failure
        }
        return attempt();
    }
    if ($error != null) {
      throw $error.getCause() instanceof IOException
          ? new UncheckedIOException("cannot resolve " + host + ": " + $error.getCause(), (IOException) $error.getCause())
          : $error;
    }
    addresses = (InetAddress[]) $value;
    state = 2;
    return attempt();
  }

  /** The next address's connection attempt, or the failure once every address has failed. */
  private Object attempt() {
    if (next == addresses.length) {
      IOException first = firstFailure;
      throw new UncheckedIOException("cannot connect to " + host + ":" + port + ": " + first.getMessage(), first);
    }
    return new Attempt(new InetSocketAddress(addresses[next++], port));
  }

  private IOException firstFailure;

  private void failed(IOException e) {
    if (firstFailure == null) {
      firstFailure = e;
    } else {
      firstFailure.addSuppressed(e);
    }
    failure = e;
  }

  private static boolean isLiteral(String host) {
    return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  /** One connection attempt: a non-blocking connect, waited for with OP_CONNECT. */
  private final class Attempt extends RuntimeOperation<SocketStream> implements IoPoller.Handler {
    private final InetSocketAddress address;
    private SocketChannel channel;
    private SelectionKey key;
    private Runner runner;
    private Task task;

    Attempt(InetSocketAddress address) {
      this.address = address;
    }

    @Override
    protected Object begin(Task t, Loop loop) {
      if (t.cancelled()) {
        throw t.newCancelled();
      }
      runner = (Runner) loop;
      try {
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        if (channel.connect(address)) {
          return loop.yieldWith(t, connected());
        }
      } catch (IOException e) {
        throw failure(e);
      }
      task = t;
      key = runner.io().register(channel, this);
      runner.io().want(key, SelectionKey.OP_CONNECT);
      runner.io().parked(1);
      return loop.park(t, this);
    }

    @Override
    public void ready(int readyOps) {
      Task t = task;
      try {
        if (!channel.finishConnect()) {
          return;
        }
        runner.io().unwant(key, SelectionKey.OP_CONNECT);
        task = null;
        runner.io().parked(-1);
        runner.resume(t, connected());
      } catch (IOException e) {
        if (task != null) {
          task = null;
          runner.io().parked(-1);
        }
        runner.fail(t, failure(e));
      }
    }

    /** The connection is up: the stream takes over the channel (and its key, if any). */
    private SocketStream connected() throws IOException {
      channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      if (key == null) {
        return SocketStream.open(runner, channel);
      }
      return new SocketStream(runner, channel, key);
    }

    /** Closes the channel; the failure for the next attempt to record. */
    private UncheckedIOException failure(IOException e) {
      close();
      failed(e);
      return new UncheckedIOException(e.getMessage(), e);
    }

    private void close() {
      if (key != null) {
        runner.io().close(key);
        return;
      }
      try {
        if (channel != null) {
          channel.close();
        }
      } catch (IOException suppressed) {
        // released either way
      }
    }

    @Override
    protected boolean abort(Task t, Loop loop) {
      task = null;
      runner.io().parked(-1);
      close();
      return true;
    }

    @Override
    public String toString() {
      return "a TCP connection to " + address;
    }
  }
}
