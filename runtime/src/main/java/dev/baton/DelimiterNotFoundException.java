package dev.baton;

/**
 * {@code BufferedByteReceiveStream.receiveUntil(delimiter, maxBytes)} found no delimiter among the first
 * {@code maxBytes} bytes (anyio's {@code DelimiterNotFound}). Nothing is consumed: the bytes stay in
 * the stream's buffer.
 */
public class DelimiterNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int maxBytes;

  public DelimiterNotFoundException(int maxBytes) {
    super("the delimiter was not found among the first " + maxBytes + " bytes");
    this.maxBytes = maxBytes;
  }

  /** The limit that was reached. */
  public int maxBytes() {
    return maxBytes;
  }
}
