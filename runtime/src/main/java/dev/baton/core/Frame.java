package dev.baton.core;

/**
 * Internal, not API: the base of every coroutine frame the loop drives ({@code dev.baton.Coroutine}
 * extends it). A frame is one activation of a coroutine; a task is a chain of frames, each pointing
 * at the frame that awaits it, which the loop trampolines ({@link Loop}), so await chains of any
 * depth run in constant Java stack.
 *
 * <p>The frame's only field, {@link #link}, holds everything the loop needs, so that a frame costs
 * one reference beyond the coroutine's own fields:
 * <ul>
 *   <li>{@code null}: new, never awaited or started (a frame runs once);</li>
 *   <li>a {@code Frame}: the caller, while the frame runs or is suspended;</li>
 *   <li>a {@link Task.Parent}: the frame is the root of a task, which the parent hears from when
 *       the frame finishes;</li>
 *   <li>once the frame has finished: its result, or {@link #FINISHED} if that is null or the frame
 *       failed (either way never null again, so a finished frame is never taken for a new one);</li>
 *   <li>during the return from {@link #$step}, after {@link #$finish} / {@link #$finishAwaiting}:
 *       the result, or the awaitable of a tail call (the loop keeps the caller in a local).</li>
 * </ul>
 * A step may call {@code $finish} and then go on instead of returning: Java lets a {@code finally}
 * or a failing {@code close()} abandon a {@code return}, and the processor copies code with no
 * await inside as it is, so {@code return done(v)} there has already stored {@code v}. The loop
 * therefore puts the caller back in the link whenever the frame awaits something (it calls a
 * coroutine, or parks).
 */
public abstract class Frame {
  /** What {@link #$step} returns after {@link #$finish}: the result is in {@link #link}. */
  static final Object DONE = new Marker("DONE");
  /** What {@link #$step} returns after {@link #$finishAwaiting}: the awaitable is in {@link #link}. */
  static final Object TAIL = new Marker("TAIL");
  /** The link of a finished frame whose result is null, or that failed. */
  static final Object FINISHED = new Marker("FINISHED");

  /** See the class comment. Package-private: invisible to subclasses outside the core. */
  Object link;

  protected Frame() {}

  /**
   * Runs the frame up to its next suspension point or its end (see {@code dev.baton.Coroutine}).
   * Called by the loop only, never re-entrantly.
   */
  protected abstract Object $step(Object $value, Throwable $error) throws Throwable;

  /** For {@code Coroutine.$complete}: ends the frame with {@code value}. */
  protected final Object $finish(Object value) {
    link = value;
    return DONE;
  }

  /** For {@code Coroutine.$tail}: ends the frame with the outcome of awaiting {@code next}. */
  protected final Object $finishAwaiting(Object next) {
    link = next;
    return TAIL;
  }

  /**
   * Where the frame is suspended, in the user's source: the file and line of the {@code await} it
   * is parked at, as a stack trace element naming the user's class and method ({@code
   * p.Foo.fetch(Foo.java:42)}), or null if unknown. Generated coroutines override it (a switch on
   * their state, so it costs nothing until a trace or a dump asks); a hand-written coroutine may.
   */
  protected StackTraceElement $where() {
    return null;
  }

  /** {@link #$where()} of {@code f}, for the runtime's dumps and traces outside this package. */
  public static StackTraceElement where(Frame f) {
    return f.$where();
  }

  /**
   * Whether code of this frame can see an exception the loop delivers to it (at an await, or
   * returning from a frame it awaited): true unless the frame says otherwise. A generated frame
   * whose step has no exception handler (its body has no {@code try} around an await) rethrows
   * what it is given first thing and says false. The loop then ends such a frame with the error
   * without running it (no throw), and a {@code Cancelled} that only passes through such frames
   * cannot have gained suppressed failures, so the task group or cancel scope that catches it need
   * not look ({@link Loop#errorSeen}). A frame that says false must rethrow, unchanged and before
   * anything else, every error it is resumed with.
   */
  protected boolean $catches() {
    return true;
  }

  /** Whether the frame was never awaited or started. */
  final boolean isNew() {
    return link == null;
  }

  /**
   * A frame's description for task names and dumps: the class name, which for generated code names
   * the user's method (e.g. {@code p.AsyncFoo$fetch}). An anonymous or local class is described by
   * the method it is declared in, since its binary name ({@code p.Foo$1}) says little.
   */
  public static String describe(Frame f) {
    Class<?> c = f.getClass();
    if (!c.isAnonymousClass() && !c.isLocalClass()) {
      return c.getName();
    }
    String what = c.isAnonymousClass() ? "an anonymous coroutine" : "coroutine " + c.getSimpleName();
    try {
      java.lang.reflect.Method m = c.getEnclosingMethod();
      if (m != null) {
        return what + " in " + m.getDeclaringClass().getName() + "." + m.getName() + "()";
      }
      java.lang.reflect.Constructor<?> k = c.getEnclosingConstructor();
      if (k != null) {
        return what + " in a constructor of " + k.getDeclaringClass().getName();
      }
    } catch (RuntimeException | LinkageError e) {
      // reflection unavailable (e.g. a class loader oddity): fall back to the binary name
    }
    Class<?> outer = c.getEnclosingClass();
    return what + " in " + (outer != null ? outer.getName() : c.getName());
  }

  /** A named sentinel object. */
  static final class Marker {
    private final String name;

    Marker(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
