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
 * {@code dev.baton.lowlevel.AsyncFrame}; the machinery behind this class ({@code dev.baton.core.Frame})
 * is internal.
 *
 * @param <T> the type of the coroutine's result
 */
public abstract class Coroutine<T> extends dev.baton.core.Frame implements Awaitable<T> {
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
  @Override
  protected abstract Object $step(Object $value, Throwable $error) throws Throwable;

  /** Ends the coroutine with {@code value}: {@code return $complete(value);} in {@code $step}. */
  protected final Object $complete(T value) {
    return $finish(value);
  }

  /** Ends the coroutine with the outcome of awaiting {@code next}: {@code return $tail(next);}. */
  protected final Object $tail(Awaitable<? extends T> next) {
    if (next == null) {
      throw new NullPointerException("return of a null awaitable from an @Async method");
    }
    return $finishAwaiting(next);
  }
}
