package dev.baton.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Internal, not API: async stack traces. A Java stack trace ends at the loop's trampoline, because
 * awaiting frames are not on the Java stack. The first time an exception leaves a coroutine frame,
 * the loop writes the rest of the story into the exception's own stack trace: a boundary element
 * naming the task, then the coroutines that were awaiting it, innermost first, each at the user's
 * file:line of its pending {@code await} (what the generated {@code $where()} says), before the
 * loop's own frames. As Kotlin's stack-trace recovery and .NET's async stack traces, but in place:
 * nothing else about the exception changes (its suppressed exceptions, cause and message are the
 * program's own). Printed, it reads:
 *
 * <pre>
 * java.lang.IllegalStateException: no such user
 *     at p.AsyncUsers$$lookup.$step(Users.java:12)
 *     at async.awaitedBy(task 'main')
 *     at p.Users.load(Users.java:20)
 *     at p.Main.main(Main.java:7)
 *     at dev.baton.core.Loop.runTask(Loop.java:282)
 *     ...
 * </pre>
 *
 * <p>It costs nothing until an exception leaves a frame. Cancellation ({@link Untraced}) and
 * exceptions without a writable stack trace are left alone. {@code -Dbaton.asyncStackTraces=false}
 * turns it off.
 */
public final class AsyncStackTraces {
  /** Whether the loop writes async stack traces (system property {@code baton.asyncStackTraces}). */
  static final boolean ENABLED = !"false".equals(System.getProperty("baton.asyncStackTraces"));

  /** The declaring class of the boundary element: {@code at async.awaitedBy(task 'main')}. */
  public static final String BOUNDARY_CLASS = "async";

  private static final String LOOP = Loop.class.getName();

  private AsyncStackTraces() {}

  /** Whether {@code e} is the boundary between a Java trace and the awaiting coroutines. */
  public static boolean isBoundary(StackTraceElement e) {
    return BOUNDARY_CLASS.equals(e.getClassName()) && "awaitedBy".equals(e.getMethodName());
  }

  /**
   * Writes into {@code error}, which has just left {@code frame} (whose caller is {@code caller}: a
   * frame, or the task's parent), the user lines of the frames awaiting it, unless it has them, is
   * {@link Untraced}, or no frame knows its line.
   */
  static void attach(Frame frame, Object caller, Throwable error) {
    if (!ENABLED || error instanceof Untraced) {
      return;
    }
    List<StackTraceElement> awaiting = new ArrayList<>();
    StackTraceElement[] trace = error.getStackTrace();
    if (trace.length == 0) {
      return; // not writable, or deliberately empty
    }
    for (StackTraceElement s : trace) {
      if (isBoundary(s)) {
        return;
      }
    }
    StackTraceElement here = frame.$where();
    if (here != null && !thrownBy(trace, frame)) {
      awaiting.add(here);
    }
    Frame root = frame;
    Object c = caller;
    for (; c instanceof Frame; c = ((Frame) c).link) {
      root = (Frame) c;
      StackTraceElement e = root.$where();
      if (e != null) {
        awaiting.add(e);
      }
    }
    if (awaiting.isEmpty()) {
      return;
    }
    String name = c instanceof Task.Parent ? ((Task.Parent) c).childName() : null;
    int at = 0;
    while (at < trace.length && !LOOP.equals(trace[at].getClassName())) {
      at++;
    }
    StackTraceElement[] out = new StackTraceElement[trace.length + 1 + awaiting.size()];
    System.arraycopy(trace, 0, out, 0, at);
    out[at] = new StackTraceElement(BOUNDARY_CLASS, "awaitedBy",
        "task '" + (name != null ? name : Frame.describe(root)) + "'", -1);
    for (int i = 0; i < awaiting.size(); i++) {
      out[at + 1 + i] = awaiting.get(i);
    }
    System.arraycopy(trace, at, out, at + 1 + awaiting.size(), trace.length - at);
    error.setStackTrace(out);
  }

  /**
   * Whether the error was thrown by the frame's own code (its step is on the error's trace, at the
   * user's line of the throw): then the trace says where, and the frame's last await would mislead.
   * An error the frame received from what it awaited and passed on is not on it.
   */
  private static boolean thrownBy(StackTraceElement[] trace, Frame frame) {
    String name = frame.getClass().getName();
    for (StackTraceElement s : trace) {
      if (name.equals(s.getClassName())) {
        return true;
      }
    }
    return false;
  }
}
