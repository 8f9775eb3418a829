package dev.baton;

import java.util.List;

/**
 * The failures of a task group: every exception raised by its body or its children, in the order
 * they happened (cancellations are not included). A task group always throws a group, even for a
 * single failure, so handlers do not depend on how many tasks failed. The members are also attached
 * as suppressed exceptions, so a printed stack trace shows them all.
 */
public class ExceptionGroup extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<Throwable> exceptions;

  public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
    super(message + " (" + exceptions.size() + " sub-exception" + (exceptions.size() == 1 ? "" : "s") + ")");
    if (exceptions.isEmpty()) {
      throw new IllegalArgumentException("an ExceptionGroup needs at least one exception");
    }
    this.exceptions = List.copyOf(exceptions);
    for (Throwable t : this.exceptions) {
      addSuppressed(t);
    }
  }

  /** The failures, in the order they happened. */
  public List<Throwable> exceptions() {
    return exceptions;
  }
}
