package dev.baton;

/**
 * The receiving side of a byte stream (anyio's {@code ByteReceiveStream}, trio's
 * {@code ReceiveStream}): an ordered, reliable sequence of bytes with no message boundaries. Bytes
 * sent as {@code "hello "} and {@code "world"} may arrive as one chunk, as eleven, or split anywhere.
 *
 * <p>The contract every implementation keeps (memory byte streams, TCP connections, the wrappers
 * {@code BufferedByteReceiveStream} and {@code StapledByteStream}):
 * <ul>
 *   <li>{@link #receive(int)} returns a chunk of 1 to {@code maxBytes} bytes, never an empty one:
 *       whatever is available, without waiting for more once it has at least one byte. A
 *       {@code maxBytes} below 1 is an {@link IllegalArgumentException}, thrown by the call.</li>
 *   <li>Once the sender has closed or half-closed its side and every byte sent before has been
 *       received, {@code receive} throws {@link EndOfStreamException}, and keeps doing so.</li>
 *   <li>After {@link #close()} on this stream, {@code receive} throws
 *       {@link ClosedResourceException}; a task blocked in {@code receive} when the stream is
 *       closed gets it too. If the peer is gone abnormally (a reset connection) it throws
 *       {@link BrokenResourceException}, with the underlying failure as its cause.</li>
 *   <li>{@code receive} is always a checkpoint, and atomic under cancellation: when it throws
 *       {@link Cancelled} no byte was consumed (the next receive gets them).</li>
 *   <li>One task receives at a time: a {@code receive} while another task's is pending may throw
 *       {@link BusyResourceException}.</li>
 *   <li>{@link #close()} is synchronous, idempotent and never a checkpoint.</li>
 * </ul>
 */
public interface ByteReceiveStream extends AutoCloseable {
  /** The chunk limit of {@link #receive()}: 64 KiB, as anyio. */
  int DEFAULT_MAX_BYTES = 65536;

  /**
   * Receives the next chunk: at least 1 and at most {@code maxBytes} bytes, waiting while none is
   * available. Always a checkpoint.
   *
   * @throws IllegalArgumentException if {@code maxBytes < 1} (thrown by the call itself)
   */
  Awaitable<byte[]> receive(int maxBytes);

  /** {@link #receive(int)} of at most {@link #DEFAULT_MAX_BYTES} bytes. */
  default Awaitable<byte[]> receive() {
    return receive(DEFAULT_MAX_BYTES);
  }

  /** Closes this side: synchronous, idempotent, never a checkpoint; later receives throw {@link ClosedResourceException}. */
  @Override
  void close();
}
