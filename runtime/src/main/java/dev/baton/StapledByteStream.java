package dev.baton;

import java.util.Objects;

/**
 * A two-way byte stream made of a sending half and a receiving half (anyio's
 * {@code StapledByteStream}, trio's {@code StapledStream}), e.g. the two ends of two memory byte
 * streams, or a process's stdin and stdout. {@link #send} and {@link #sendEof()} go to the sending
 * half, {@link #receive(int)} to the receiving one; {@link #close()} closes the sending half, then the
 * receiving one.
 *
 * @param sendStream where sends go
 * @param receiveStream where receives come from
 */
public record StapledByteStream(ByteSendStream sendStream, ByteReceiveStream receiveStream) implements ByteStream {
  public StapledByteStream {
    Objects.requireNonNull(sendStream, "sendStream == null");
    Objects.requireNonNull(receiveStream, "receiveStream == null");
  }

  @Override
  public Awaitable<Void> send(byte[] data) {
    return sendStream.send(data);
  }

  @Override
  public Awaitable<Void> send(java.nio.ByteBuffer data) {
    return sendStream.send(data);
  }

  /** {@link ByteSendStream#sendEof()} of the sending half; the receiving half stays open. */
  @Override
  public Awaitable<Void> sendEof() {
    return sendStream.sendEof();
  }

  @Override
  public Awaitable<byte[]> receive(int maxBytes) {
    return receiveStream.receive(maxBytes);
  }

  @Override
  public void close() {
    closeBoth(sendStream::close, receiveStream::close);
  }

  /** Runs both closes, the second even if the first throws. */
  static void closeBoth(Runnable first, Runnable second) {
    try {
      first.run();
    } finally {
      second.run();
    }
  }
}
