package dev.baton;

/**
 * Another task is already doing this to the resource: a second concurrent {@code receive} (or
 * {@code send}) on a byte stream, which would interleave the bytes unpredictably (anyio's
 * {@code BusyResourceError}).
 */
public class BusyResourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BusyResourceException(String message) {
    super(message);
  }
}
