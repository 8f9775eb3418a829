package dev.baton;

/** A `...Nowait` operation could not complete without blocking. */
public class WouldBlockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WouldBlockException(String message) {
    super(message);
  }
}
