package dev.baton.processor.difffuzz;

/** The checked exception of generated programs ({@code throws FuzzChecked}, caught and uncaught). */
public final class FuzzChecked extends Exception {
  private static final long serialVersionUID = 1L;

  public FuzzChecked(String message) {
    super(message);
  }
}
