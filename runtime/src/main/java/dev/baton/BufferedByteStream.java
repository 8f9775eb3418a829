package dev.baton;

import java.util.Objects;

/**
 * A two-way byte stream whose receiving side is buffered (anyio's {@code BufferedByteStream}):
 * the reads of {@link BufferedByteReceiveStream}, and {@link #send(byte[])} and {@link #sendEof()}
 * passed through to the wrapped stream. {@link #close()} closes the wrapped stream.
 */
public final class BufferedByteStream extends BufferedByteReceiveStream implements ByteStream {
  private final ByteStream stream;

  /** Buffers the receiving side of {@code stream}; the new stream owns it. */
  public BufferedByteStream(ByteStream stream) {
    super(Objects.requireNonNull(stream, "stream == null"));
    this.stream = stream;
  }

  @Override
  public Awaitable<Void> send(byte[] data) {
    return stream.send(data);
  }

  @Override
  public Awaitable<Void> send(java.nio.ByteBuffer data) {
    return stream.send(data);
  }

  /** Half-closes the wrapped stream's sending side; receiving goes on. */
  @Override
  public Awaitable<Void> sendEof() {
    return stream.sendEof();
  }

  @Override
  public void close() {
    super.close();
  }
}
