package dev.baton.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Set;

/**
 * Internal, not API: the loop's one {@link Selector}, opened on first socket use. Channels register
 * once with a {@link Handler} as the key's attachment; a task waits for readiness by adding an
 * interest ({@link #want}) and parking, and the handler, told which operations are ready, resumes it.
 *
 * <p>Interests are dropped lazily: a handler keeps its interest after resuming its task (the task
 * usually waits again soon: a receive loop), and drops it when readiness comes with no task
 * waiting. That saves two {@code epoll_ctl} calls per message. So the interests do not say who
 * waits: {@link #waiting()} counts the tasks parked on sockets ({@link #parked}), which make the idle
 * loop select instead of reporting a deadlock. All methods but {@link #wakeup} are for the loop's
 * thread only.
 */
public final class IoPoller {
  /** Chunks are read into this buffer, then copied out at their exact size. */
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
  private final Selector selector;
  private int waiting;
  private int openChannels;
  private long bufferedSendBytes;
  private long peakBufferedSendBytes;

  IoPoller() {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the loop's selector", e);
    }
  }

  /** Told which operations of its channel are ready. */
  public interface Handler {
    /** {@code readyOps} (a set of {@link SelectionKey} operation bits) are ready. */
    void ready(int readyOps);
  }

  /** Registers {@code channel} (non-blocking) with no interest; {@code handler} hears of readiness. */
  public SelectionKey register(SelectableChannel channel, Handler handler) {
    try {
      SelectionKey key = channel.register(selector, 0, handler);
      openChannels++;
      return key;
    } catch (ClosedChannelException e) {
      throw new IllegalStateException("registering a closed channel", e);
    }
  }

  /** Adds interest in {@code op} to {@code key}, if it is not there yet. */
  public void want(SelectionKey key, int op) {
    int ops = key.interestOps();
    if ((ops & op) == 0) {
      key.interestOps(ops | op);
    }
  }

  /** Removes interest in {@code op} from {@code key} (readiness came, and no task waits for it). */
  public void unwant(SelectionKey key, int op) {
    if (!key.isValid()) {
      return;
    }
    int ops = key.interestOps();
    if ((ops & op) != 0) {
      key.interestOps(ops & ~op);
    }
  }

  /** A task parks on a socket ({@code +1}) or stops waiting on one ({@code -1}). */
  public void parked(int delta) {
    waiting += delta;
  }

  /** Deregisters {@code key}'s channel and closes it (its tasks were woken before). */
  public void close(SelectionKey key) {
    if (key.isValid()) {
      key.cancel();
    }
    openChannels--;
    try {
      key.channel().close();
    } catch (IOException e) {
      // the descriptor is released either way
    }
  }

  /** Tasks parked on sockets. */
  public int waiting() {
    return waiting;
  }

  /** Channels registered and not yet cancelled. */
  public int openChannels() {
    return openChannels;
  }

  /** Keys of the selector that are still valid (a cancelled key leaves at the next select). */
  public int validKeys() {
    int n = 0;
    for (SelectionKey k : selector.keys()) {
      if (k.isValid()) {
        n++;
      }
    }
    return n;
  }

  /** The shared buffer to read a chunk of at most {@code max} bytes into (cleared, limited). */
  public ByteBuffer readBuffer(int max) {
    readBuffer.clear();
    if (max < readBuffer.capacity()) {
      readBuffer.limit(max);
    }
    return readBuffer;
  }

  /** Bytes sends have accepted that the kernel has not taken yet, over all sockets, changed by {@code delta}. */
  public void addBufferedSendBytes(long delta) {
    bufferedSendBytes += delta;
    if (bufferedSendBytes > peakBufferedSendBytes) {
      peakBufferedSendBytes = bufferedSendBytes;
    }
  }

  public long bufferedSendBytes() {
    return bufferedSendBytes;
  }

  public long peakBufferedSendBytes() {
    return peakBufferedSendBytes;
  }

  /**
   * Selects for at most {@code timeoutSeconds} (0: do not block; infinity: until something is
   * ready or {@link #wakeup}) and tells the handlers of ready keys.
   */
  void poll(double timeoutSeconds) {
    int n;
    try {
      if (timeoutSeconds <= 0) {
        n = selector.selectNow();
      } else if (timeoutSeconds == Double.POSITIVE_INFINITY) {
        n = selector.select();
      } else {
        n = selector.select(Math.max(1, (long) Math.ceil(timeoutSeconds * 1e3)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the loop's selector failed", e);
    }
    if (n == 0) {
      return;
    }
    Set<SelectionKey> selected = selector.selectedKeys();
    Iterator<SelectionKey> it = selected.iterator();
    while (it.hasNext()) {
      SelectionKey key = it.next();
      it.remove();
      if (key.isValid()) {
        int ready = key.readyOps() & key.interestOps();
        if (ready != 0) {
          ((Handler) key.attachment()).ready(ready);
        }
      }
    }
  }

  /** Makes a blocked {@link #poll} return. Thread-safe. */
  void wakeup() {
    selector.wakeup();
  }

  /** The run is over: closes the selector (channels left open by their owners stay open). */
  void close() {
    try {
      selector.close();
    } catch (IOException e) {
      // nothing to do: the selector is gone either way
    }
  }
}
