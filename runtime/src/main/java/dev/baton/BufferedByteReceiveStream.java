package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A byte stream with a buffer in front, for protocols that read fixed-size fields or delimited lines
 * (anyio's {@code BufferedByteReceiveStream}): {@link #receiveExactly(int)},
 * {@link #receiveUntil(byte[], int)}, and a {@link #receive(int)} that drains the buffer first.
 *
 * <p>Nothing is ever lost: the bytes a read received beyond what it returns stay buffered for the next
 * read, and so do the bytes received by a read that fails ({@link IncompleteReadException} at the end
 * of the stream, {@link DelimiterNotFoundException}, {@link Cancelled}). Every read is a checkpoint,
 * also when the buffer alone satisfies it: it then checks cancellation before taking the bytes and
 * yields after.
 *
 * <p>It keeps the {@link ByteReceiveStream} contract; {@link #close()} closes the wrapped stream.
 * {@code for (@Await byte[] chunk : stream)} in an {@code @Async} method receives chunks (the buffer
 * first) until the end of the stream; {@code try (@Await var s = ...)} closes it on exit
 * (synchronously). {@link #iterator()} itself throws: it exists so that the form type-checks.
 */
public class BufferedByteReceiveStream extends ReceiveResource<byte[]> implements ByteReceiveStream {
  private static final byte[] EMPTY = {};

  private final ByteReceiveStream source;
  private byte[] buffer = EMPTY;
  private int start;
  private int end;
  private boolean closed;

  /** Buffers {@code source}; the new stream owns it (closing one closes the other). */
  public BufferedByteReceiveStream(ByteReceiveStream source) {
    super("byte[] chunk");
    this.source = Objects.requireNonNull(source, "source == null");
  }

  /** The bytes buffered now, not yet returned by a read (a copy). */
  public byte[] buffer() {
    return Arrays.copyOfRange(buffer, start, end);
  }

  /**
   * Appends {@code data} to the buffer: the next reads return it before anything from the wrapped
   * stream (anyio's {@code feed_data}). Synchronous.
   */
  public void feedData(byte[] data) {
    append(data);
  }

  /** Up to {@code maxBytes} bytes: from the buffer if it holds any, else one receive of the wrapped stream. */
  @Override
  @SuppressWarnings("unchecked")
  public Awaitable<byte[]> receive(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be a positive integer, not " + maxBytes);
    }
    return (Awaitable<byte[]>) (Awaitable<?>) new Receive(maxBytes, false);
  }

  /** One step of async iteration: the next chunk, or the end marker. */
  @Override
  protected Object next() {
    return new Receive(DEFAULT_MAX_BYTES, true);
  }

  /**
   * Exactly {@code n} bytes, receiving until the buffer holds them; the surplus stays buffered.
   *
   * @throws IllegalArgumentException if {@code n < 0}
   * @throws IncompleteReadException (at the await) if the stream ends first; what arrived stays buffered
   */
  public Awaitable<byte[]> receiveExactly(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, not " + n);
    }
    return new ReceiveExactly(n);
  }

  /**
   * The bytes before the next {@code delimiter}, which is consumed but not returned. Searching goes on
   * while fewer than {@code maxBytes} bytes are buffered (a delimiter found further on, in a chunk
   * already received, still counts).
   *
   * @throws IllegalArgumentException if the delimiter is empty or {@code maxBytes < 1}
   * @throws DelimiterNotFoundException (at the await) if {@code maxBytes} bytes hold no delimiter
   * @throws IncompleteReadException (at the await) if the stream ends first
   */
  public Awaitable<byte[]> receiveUntil(byte[] delimiter, int maxBytes) {
    if (delimiter.length == 0) {
      throw new IllegalArgumentException("the delimiter must not be empty");
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be a positive integer, not " + maxBytes);
    }
    return new ReceiveUntil(delimiter.clone(), maxBytes);
  }

  /** Closes this stream and the wrapped one; the buffer is dropped. Synchronous, idempotent, never a checkpoint. */
  @Override
  public void close() {
    closed = true;
    buffer = EMPTY;
    start = 0;
    end = 0;
    source.close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[buffered=" + (end - start) + (closed ? ", closed" : "") + ", " + source + "]";
  }

  private int size() {
    return end - start;
  }

  private void checkOpen() {
    if (closed) {
      throw new ClosedResourceException("this buffered stream is closed");
    }
  }

  private void append(byte[] data) {
    if (end + data.length > buffer.length) {
      int needed = size() + data.length;
      byte[] target = needed <= buffer.length ? buffer : new byte[Math.max(needed, buffer.length * 2)];
      System.arraycopy(buffer, start, target, 0, size());
      buffer = target;
      end -= start;
      start = 0;
    }
    System.arraycopy(data, 0, buffer, end, data.length);
    end += data.length;
  }

  /** Removes the first {@code n} buffered bytes and returns them. */
  private byte[] take(int n) {
    byte[] chunk = Arrays.copyOfRange(buffer, start, start + n);
    start += n;
    if (start == end) {
      start = 0;
      end = 0;
    }
    return chunk;
  }

  /** The index (from the buffer's start) of {@code delimiter} at or after {@code from}, or -1. */
  private int indexOf(byte[] delimiter, int from) {
    outer:
    for (int i = start + from, last = end - delimiter.length; i <= last; i++) {
      for (int j = 0; j < delimiter.length; j++) {
        if (buffer[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i - start;
    }
    return -1;
  }

  /**
   * A read the buffer satisfies: a cancel point before taking, a schedule point after, so that it is
   * a checkpoint and a cancelled read takes nothing.
   */
  private static final class Take extends RuntimeOperation<byte[]> {
    private final Supplier<byte[]> taking;

    Take(Supplier<byte[]> taking) {
      this.taking = taking;
    }

    @Override
    protected Object begin(Task task, Loop loop) {
      if (task.cancelled()) {
        throw task.newCancelled();
      }
      return loop.yieldWith(task, taking.get());
    }

    @Override
    public String toString() {
      return "a read from the buffer";
    }
  }

  /** One receive; a step of async iteration ends with the end marker instead of EndOfStream. */
  private final class Receive extends Coroutine<Object> {
    private final int maxBytes;
    private final boolean iterating;
    private boolean started;

    Receive(int maxBytes, boolean iterating) {
      this.maxBytes = maxBytes;
      this.iterating = iterating;
    }

    @Override
    protected Object $step(Object value, Throwable error) throws Throwable {
      if (started) {
        if (error instanceof EndOfStreamException && iterating) {
          return $complete(StreamState.END);
        }
        if (error != null) {
          throw error;
        }
        return $complete(value);
      }
      started = true;
      checkOpen();
      if (size() > 0) {
        return $tail(new Take(() -> take(Math.min(maxBytes, size()))));
      }
      return source.receive(maxBytes);
    }
  }

  /** The common loop of the two reads: receive until {@link #attempt} has a result. */
  private abstract class Read extends Coroutine<byte[]> {
    private boolean received;

    @Override
    protected final Object $step(Object value, Throwable error) throws Throwable {
      if (error != null) {
        if (error instanceof EndOfStreamException) {
          throw new IncompleteReadException("the stream was closed before the read operation could be completed ("
              + size() + " bytes stay buffered)");
        }
        throw error;
      }
      if (value != null) {
        append((byte[]) value);
        received = true;
      } else {
        checkOpen();
      }
      Supplier<byte[]> result = attempt();
      if (result == null) {
        return source.receive(wanted());
      }
      // A read that received has passed a checkpoint; one the buffer satisfied at once takes it now.
      return received ? $complete(result.get()) : $tail(new Take(result));
    }

    /** How to take the result from the buffer, or null to receive more. */
    abstract Supplier<byte[]> attempt();

    /** How much to ask the wrapped stream for. */
    abstract int wanted();
  }

  private final class ReceiveExactly extends Read {
    private final int n;

    ReceiveExactly(int n) {
      this.n = n;
    }

    @Override
    Supplier<byte[]> attempt() {
      return size() >= n ? () -> take(n) : null;
    }

    @Override
    int wanted() {
      return n - size();
    }
  }

  private final class ReceiveUntil extends Read {
    private final byte[] delimiter;
    private final int maxBytes;
    /** Where the next search starts: bytes before it cannot begin a delimiter. */
    private int searchFrom;

    ReceiveUntil(byte[] delimiter, int maxBytes) {
      this.delimiter = delimiter;
      this.maxBytes = maxBytes;
    }

    @Override
    Supplier<byte[]> attempt() {
      int i = indexOf(delimiter, searchFrom);
      if (i >= 0) {
        return () -> {
          byte[] line = take(i);
          take(delimiter.length);
          return line;
        };
      }
      if (size() >= maxBytes) {
        throw new DelimiterNotFoundException(maxBytes);
      }
      searchFrom = Math.max(size() - delimiter.length + 1, 0);
      return null;
    }

    @Override
    int wanted() {
      return DEFAULT_MAX_BYTES;
    }
  }
}
