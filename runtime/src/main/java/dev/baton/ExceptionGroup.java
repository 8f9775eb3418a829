package dev.baton;

import java.util.ArrayList;
import java.util.List;

/**
 * The failures of a task group: every exception raised by its body or its children, in the order
 * they happened (cancellations are not included). A task group always throws a group, even for a
 * single failure, so handlers do not depend on how many tasks failed. The members are also attached
 * as suppressed exceptions, so a printed stack trace shows them all.
 *
 * <p>A task group's group knows where each failure came from ({@link #origins()}): the task that
 * failed, by name, and the user's line of the await in its own coroutine the failure came through,
 * e.g. {@code task 'worker-3' (Pipeline.java:42)}. Its message lists them:
 * {@code unhandled errors in a task group (1 sub-exception): in task 'worker-3' (Pipeline.java:42):
 * java.lang.IllegalStateException: boom}.
 */
public class ExceptionGroup extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Members listed with their origins in the message, at most. */
  private static final int MAX_LISTED = 5;

  private final List<Throwable> exceptions;
  /** Where each member came from, or null for a group made without origins. */
  private final List<String> origins;
  /** The message as given, without the count that {@link #getMessage()} adds. */
  private final String baseMessage;

  public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
    this(message, exceptions, null);
  }

  /** A group whose members came from {@code origins} (one per member, each may be null), named in the message. */
  ExceptionGroup(String message, List<? extends Throwable> exceptions, List<String> origins) {
    super(message(message, exceptions, origins));
    if (exceptions.isEmpty()) {
      throw new IllegalArgumentException("an ExceptionGroup needs at least one exception");
    }
    this.baseMessage = message;
    this.exceptions = List.copyOf(exceptions);
    this.origins = origins == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(origins));
    for (Throwable t : this.exceptions) {
      addSuppressed(t);
    }
  }

  private static String message(String message, List<? extends Throwable> exceptions, List<String> origins) {
    StringBuilder sb = new StringBuilder(message).append(" (").append(exceptions.size()).append(" sub-exception")
        .append(exceptions.size() == 1 ? "" : "s").append(')');
    if (origins == null) {
      return sb.toString();
    }
    int n = Math.min(MAX_LISTED, exceptions.size());
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? ": " : "; ");
      if (origins.get(i) != null) {
        sb.append("in ").append(origins.get(i)).append(": ");
      }
      sb.append(exceptions.get(i));
    }
    if (exceptions.size() > n) {
      sb.append("; and ").append(exceptions.size() - n).append(" more");
    }
    return sb.toString();
  }

  /** The failures, in the order they happened. */
  public List<Throwable> exceptions() {
    return exceptions;
  }

  /**
   * Where each failure came from, in the order of {@link #exceptions()}: for a task group's
   * failures, {@code "task 'name' (File.java:line)"} (the line where the user's line is known) or
   * {@code "the body of the task group in task 'name'"}; null for a member whose origin is unknown.
   * A group made with the public constructor has none: every element is null.
   */
  public List<String> origins() {
    if (origins == null) {
      return java.util.Collections.nCopies(exceptions.size(), null);
    }
    return origins;
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
    List<String> keptOrigins = new ArrayList<>(g.exceptions.size());
    boolean changed = false;
    for (int i = 0; i < g.exceptions.size(); i++) {
      Throwable member = g.exceptions.get(i);
      Throwable rest = withoutCancelled(member);
      changed |= rest != member;
      if (rest != null) {
        kept.add(rest);
        keptOrigins.add(g.origins == null ? null : g.origins.get(i));
      }
    }
    if (!changed) {
      return g;
    }
    if (kept.isEmpty()) {
      return null;
    }
    ExceptionGroup derived = new ExceptionGroup(g.baseMessage, kept, g.origins == null ? null : keptOrigins);
    if (g.getCause() != null) {
      derived.initCause(g.getCause());
    }
    derived.setStackTrace(g.getStackTrace());
    return derived;
  }
}
