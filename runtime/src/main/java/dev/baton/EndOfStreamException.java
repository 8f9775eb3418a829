package dev.baton;

/**
 * Receiving from a stream that has ended: every send handle of a memory object stream is closed and
 * its buffer is empty, or the sending side of a byte stream was closed or half-closed
 * ({@link ByteSendStream#sendEof()}) and every byte sent before has been received.
 */
public class EndOfStreamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EndOfStreamException(String message) {
    super(message);
  }
}
