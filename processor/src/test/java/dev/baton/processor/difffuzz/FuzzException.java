package dev.baton.processor.difffuzz;

/** Thrown by some awaited values and by generated throw statements. */
public final class FuzzException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FuzzException(String message) {
    super(message);
  }
}
