package dev.baton;

/** Receiving from a stream whose every send handle is closed and whose buffer is empty. */
public class EndOfStreamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EndOfStreamException(String message) {
    super(message);
  }
}
