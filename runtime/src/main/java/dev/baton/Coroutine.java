package dev.baton;

/**
 * A cold, single-use computation that runs on Baton's loop: the return type of every
 * {@code @Async} method and the base of every generated state machine.
 *
 * <p>Nothing runs until the coroutine is awaited ({@code await(c)}), started as a task
 * ({@link TaskGroup#startSoon(Coroutine)}) or run as the main task ({@link Baton#run(Coroutine)}).
 * Awaiting a coroutine is a call, not a checkpoint: the callee runs on the caller's task at once, and
 * if it finishes without suspending the caller continues without a trip through the scheduler. A
 * coroutine may be awaited or started only once.
 *
 * <h2>The step protocol (for generated code and the loop)</h2>
 * The loop drives a coroutine by calling {@link #$step(Object, Throwable)} with the outcome of the
 * previous await (the value, or the exception to rethrow at the suspension point; both
 * {@code null} on the first call). A step returns one of:
 * <ul>
 *   <li>an {@link Awaitable}: the coroutine suspends on it; the loop awaits it and calls
 *       {@code $step} again with its outcome;</li>
 *   <li>the value of {@link #$complete(Object)}: the coroutine finished with that value;</li>
 *   <li>the value of {@link #$tail(Awaitable)}: the coroutine finished with the outcome of
 *       awaiting another awaitable (a tail call; the Java stack and the frame chain do not grow).</li>
 * </ul>
 * A step that throws finishes the coroutine with that exception. The loop keeps the chain of
 * awaiting coroutines on the heap (each frame points at its caller), so await chains of any depth
 * run in constant Java stack. The helpers for generated code live in
 * {@link dev.baton.lowlevel.AsyncFrame}.
 *
 * @param <T> the type of the coroutine's result
 */
public abstract class Coroutine<T> implements Awaitable<T> {
  static final Object DONE = new Sentinel("DONE");
  static final Object TAIL = new Sentinel("TAIL");

  static final byte NEW = 0;
  static final byte RUNNING = 1;
  static final byte TAIL_WAITING = 2;
  static final byte FINISHED = 3;

  /** The coroutine awaiting this one, or null for a task's root. */
  Coroutine<?> caller;
  /** The result between {@code $complete} and the caller's resumption; the tail target of {@code $tail}. */
  Object result;
  /** The task's name when this is the root frame of a named task. */
  String taskName;
  byte status = NEW;

  /** Only generated state machines and the runtime's own coroutines extend this class. */
  protected Coroutine() {}

  /**
   * Runs the coroutine up to its next suspension point or its end. Called only by the loop, never
   * re-entrantly.
   *
   * @param $value the value of the await that suspended the coroutine (null on the first call)
   * @param $error the exception the await ended with, to be thrown at the suspension point
   * @return an {@link Awaitable} to suspend on, or the value of {@link #$complete} / {@link #$tail}
   */
  protected abstract Object $step(Object $value, Throwable $error) throws Throwable;

  /** Ends the coroutine with {@code value}: {@code return $complete(value);} in {@code $step}. */
  protected final Object $complete(T value) {
    this.result = value;
    return DONE;
  }

  /** Ends the coroutine with the outcome of awaiting {@code next}: {@code return $tail(next);}. */
  protected final Object $tail(Awaitable<? extends T> next) {
    if (next == null) {
      throw new NullPointerException("return of a null awaitable from an @Async method");
    }
    this.result = next;
    return TAIL;
  }

  /**
   * A short description for task names and dumps: the class name, which for generated code names
   * the user's method (e.g. {@code p.AsyncFoo$fetch}). An anonymous or local class is described by
   * the method it is declared in, since its binary name ({@code p.Foo$1}) says little.
   */
  String describe() {
    return describe(getClass());
  }

  static String describe(Class<?> c) {
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

  private static final class Sentinel {
    private final String name;

    Sentinel(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
