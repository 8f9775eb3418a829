package dev.baton;

import java.nio.ByteBuffer;

/**
 * The sending side of a byte stream (anyio's {@code ByteSendStream}, trio's {@code SendStream}).
 *
 * <p>The contract every implementation keeps:
 * <ul>
 *   <li>{@link #send(byte[])} returns once the stream has accepted every byte (buffered or written),
 *       waiting while its buffer is full: a slow receiver slows the sender down (backpressure)
 *       instead of growing memory. The receiver gets the bytes in order, in chunks of any size.
 *       It is always a checkpoint. Sending an empty array sends nothing (but is a checkpoint).</li>
 *   <li>A {@code send} that returns has sent everything. A {@code send} that throws
 *       {@link Cancelled} may have sent a prefix of the bytes; if it sent any, the stream is
 *       broken from then on (later sends throw {@link BrokenResourceException}), since the
 *       receiver cannot know where the data stopped. A send cancelled before any byte was accepted
 *       leaves the stream usable.</li>
 *   <li>{@link #sendEof()} half-closes: the receiver sees {@link EndOfStreamException} once it has
 *       received every byte sent before. Sending after it throws {@link ClosedResourceException};
 *       a second {@code sendEof} does nothing. On a two-way stream the receiving side stays
 *       open.</li>
 *   <li>After {@link #close()}, {@code send} and {@code sendEof} throw
 *       {@link ClosedResourceException}; a task blocked in {@code send} when the stream is closed
 *       gets it too. When the receiving side is gone (closed, or the peer reset the connection),
 *       {@code send} throws {@link BrokenResourceException}.</li>
 *   <li>One task sends at a time: a {@code send} while another task's is pending may throw
 *       {@link BusyResourceException}.</li>
 *   <li>{@link #close()} is synchronous, idempotent and never a checkpoint; bytes already accepted
 *       are still delivered where the transport allows (a memory stream keeps its buffer for the
 *       receiver, who then sees the end of the stream).</li>
 * </ul>
 */
public interface ByteSendStream extends AutoCloseable {
  /**
   * Sends every byte of {@code data}. The stream may read {@code data} until the send completes:
   * do not change the array before. Always a checkpoint.
   */
  Awaitable<Void> send(byte[] data);

  /**
   * Sends the remaining bytes of {@code data}, which are read when this method is called (the
   * buffer's position moves to its limit), so the buffer may be reused at once.
   */
  default Awaitable<Void> send(ByteBuffer data) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    return send(bytes);
  }

  /**
   * Half-closes the stream: no more bytes will be sent; the receiver sees the end of the stream
   * after the bytes sent before. Idempotent. Always a checkpoint.
   */
  Awaitable<Void> sendEof();

  /** Closes this side: synchronous, idempotent, never a checkpoint; later sends throw {@link ClosedResourceException}. */
  @Override
  void close();
}
