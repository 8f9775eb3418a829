package dev.baton;

import java.util.ArrayList;
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
  /** The message as given, without the count that {@link #getMessage()} adds. */
  private final String baseMessage;

  public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
    super(message + " (" + exceptions.size() + " sub-exception" + (exceptions.size() == 1 ? "" : "s") + ")");
    if (exceptions.isEmpty()) {
      throw new IllegalArgumentException("an ExceptionGroup needs at least one exception");
    }
    this.baseMessage = message;
    this.exceptions = List.copyOf(exceptions);
    for (Throwable t : this.exceptions) {
      addSuppressed(t);
    }
  }

  /** The failures, in the order they happened. */
  public List<Throwable> exceptions() {
    return exceptions;
  }

  /**
   * {@code t} without the {@link Cancelled} exceptions in it, at any depth of nested groups: null if
   * nothing is left, {@code t} itself if it contains none, else a new group of what is left that keeps
   * the original's message, cause and stack trace (groups that lost nothing are kept as they are). A
   * {@code Cancelled} leaves behind the failures suppressed on it ({@link Cancelled#failuresIn}).
   */
  static Throwable withoutCancelled(Throwable t) {
    if (t instanceof Cancelled) {
      return Cancelled.failuresIn((Cancelled) t);
    }
    if (!(t instanceof ExceptionGroup)) {
      return t;
    }
    ExceptionGroup g = (ExceptionGroup) t;
    List<Throwable> kept = new ArrayList<>(g.exceptions.size());
    boolean changed = false;
    for (Throwable member : g.exceptions) {
      Throwable rest = withoutCancelled(member);
      changed |= rest != member;
      if (rest != null) {
        kept.add(rest);
      }
    }
    if (!changed) {
      return g;
    }
    if (kept.isEmpty()) {
      return null;
    }
    ExceptionGroup derived = new ExceptionGroup(g.baseMessage, kept);
    if (g.getCause() != null) {
      derived.initCause(g.getCause());
    }
    derived.setStackTrace(g.getStackTrace());
    return derived;
  }
}
