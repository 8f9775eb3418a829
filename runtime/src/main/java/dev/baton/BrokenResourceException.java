package dev.baton;

/** The other end of the stream is gone: every receive handle was closed, so nothing sent can ever arrive. */
public class BrokenResourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BrokenResourceException(String message) {
    super(message);
  }
}
