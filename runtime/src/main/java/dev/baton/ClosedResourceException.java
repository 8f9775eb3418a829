package dev.baton;

/** The handle used was closed (by this task or another one) before or during the operation. */
public class ClosedResourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClosedResourceException(String message) {
    super(message);
  }
}
