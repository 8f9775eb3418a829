package dev.baton;

/**
 * The resource can no longer be used because of something outside this handle: every receive handle
 * of a memory stream was closed (nothing sent can ever arrive), the peer of a connection reset it, or
 * an earlier send was interrupted part-way (the receiver cannot know where the data stopped). The
 * cause, when there is one, is the underlying failure (an {@code IOException}, ...).
 */
public class BrokenResourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BrokenResourceException(String message) {
    super(message);
  }

  public BrokenResourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
