package dev.baton;

/**
 * The stream ended before a read of a {@link BufferedByteReceiveStream} could be completed: fewer bytes
 * than {@code receiveExactly(n)} asked for, or no delimiter before the end for {@code receiveUntil}
 * (anyio's {@code IncompleteRead}). The bytes received stay in the stream's buffer.
 */
public class IncompleteReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IncompleteReadException(String message) {
    super(message);
  }
}
