package dev.baton;

/**
 * A two-way byte stream (a TCP connection, a {@code StapledByteStream}): both sides' contracts.
 * {@link #sendEof()} half-closes the sending side only; {@link #close()} closes both.
 */
public interface ByteStream extends ByteSendStream, ByteReceiveStream {
  /** Closes both sides: synchronous, idempotent, never a checkpoint. */
  @Override
  void close();
}
